// Admitting a child: the child item and the tasks its facts call for, written together (with `alongside`, e.g. the
// imported-row record of a bulk import, in the same transaction), then the dispatched tasks sent.
import type { AdmissionRequest } from '../../contracts/api/requests.ts';
import type { Who } from '../auth/actor.ts';
import { chinaDate } from '../calendar/china-time.ts';
import { clock } from '../lib/clock.ts';
import { sendTasks } from '../dispatch/send.ts';
import { newChildItem } from '../state/children.ts';
import { newChildId } from '../state/keys.ts';
import { putAllNew } from '../state/tasks.ts';
import { planAdmission } from './admission.ts';
import { getInstitution } from './institutions.ts';
import { buildTaskItems } from './open-tasks.ts';

/** Dates of an admission that cannot lie after today in China (the contract checks their order). */
const pastDates = ['birthDate', 'admittedOn', 'foundOn'] as const;

/** The admission's dates that lie after today in China, with today's date. */
export function futureDates(facts: AdmissionRequest, now: Date): { fields: (typeof pastDates)[number][]; today: string } {
  const today = chinaDate(now);
  return { fields: pastDates.filter((f) => (facts[f] ?? '') > today), today };
}

/**
 * Writes the child and its tasks (and `alongside`) in one transaction, without sending them: a caller admitting many
 * children sends their dispatched tasks together (`sendTasks` batches ten to a request per department). Written as
 * dispatched, a task that is never sent is sent by the re-dispatch sweep.
 */
export async function writeAdmission(facts: AdmissionRequest, who: Who, alongside: (childId: string) => object[] = () => []) {
  const institution = getInstitution(facts.institutionId);
  const now = clock.now();
  const child = { ...facts, childId: newChildId() };
  const tasks = buildTaskItems({ institution, child }, planAdmission(child, { at: institution.kind }), who, now);
  await putAllNew([newChildItem(child, institution, who, now.toISOString()), ...tasks, ...alongside(child.childId)]);
  return { child, tasks, now };
}

export async function admitChild(facts: AdmissionRequest, who: Who) {
  const { child, tasks, now } = await writeAdmission(facts, who);
  await sendTasks(tasks.filter((t) => t.status === 'dispatched'), now);
  return { child, tasks };
}
