// Coming of age (二(六)): staff record the capability assessment the age-18 clock opened, and the placement plan opens
// the departments' tasks in the same transaction. The discharge follows when they have ended
// (services/cases/coming-of-age/discharge.ts).
import { CapabilityAssessment, comingOfAgeClock } from '../../../contracts/coming-of-age.ts';
import type { FieldIssue } from '../../../contracts/api/errors.ts';
import { canRead, notFound, requireStaff } from '../../auth/scope.ts';
import { chinaDate } from '../../calendar/china-time.ts';
import { addMonths } from '../../calendar/days.ts';
import { eventOn } from '../../cases/clock-events.ts';
import { dischargeIfPlaced } from '../../cases/coming-of-age/discharge.ts';
import { planPlacement } from '../../cases/coming-of-age/plan.ts';
import { effectiveChild } from '../../cases/facts.ts';
import { getInstitution } from '../../cases/institutions.ts';
import { buildTaskItems } from '../../cases/open-tasks.ts';
import { sendTasks } from '../../dispatch/send.ts';
import { clock } from '../../lib/clock.ts';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { getChildCase } from '../../state/children.ts';
import { recordAssessmentWrite } from '../../state/coming-of-age.ts';
import { putNew, transact } from '../../state/table.ts';
import { comingOfAgeView, taskView } from '../../state/views.ts';
import { parseBody, recordedBy, requirePrincipal, type Routes } from '../http.ts';

/** A task's request the case cannot build, named as the child's fact and the task that needs it (as admission does). */
function asCaseIssues(err: ValidationError, types: string[]): FieldIssue[] {
  return (err.issues ?? []).map((i) => {
    const m = /^tasks\.(\d+)\.case\.(.+)$|^case\.(.+)$/.exec(i.path);
    if (!m) return i;
    const type = types[Number(m[1] ?? 0)];
    return { path: m[2] ?? m[3]!, message: `${i.message} (needed for ${type})` };
  });
}

async function dischargeNow(childId: string, now: Date): Promise<boolean> {
  try {
    const found = await getChildCase(childId);
    return found ? await dischargeIfPlaced(found, now) : false;
  } catch (err) {
    logger.error('the discharge after the assessment failed; the clock sweep will retry', { childId, error: (err as Error).name });
    return false;
  }
}

export const comingOfAgeRoutes = {
  'POST /v1/children/{childId}/capability-assessment': async (req) => {
    const staff = requireStaff(requirePrincipal(req));
    const assessment = parseBody(CapabilityAssessment, req.body);
    const childId = req.params.childId!;
    const found = await getChildCase(childId);
    if (!found || !canRead(staff, found.child)) throw notFound('child', childId);
    const who = recordedBy(req, staff);
    const now = clock.now();
    const today = chinaDate(now);
    const c = found.comingOfAge;
    if (!c) {
      const on = addMonths(eventOn(comingOfAgeClock.event, found.child.birthDate), -comingOfAgeClock.leadMonths);
      throw new ConflictError(`the coming-of-age assessment opens ${comingOfAgeClock.leadMonths} months before the 18th birthday, on ${on} (二(六))`);
    }
    if (c.status !== 'assessment-due') throw new ConflictError(`the coming-of-age assessment was recorded already; the case is ${c.status}`);
    if (assessment.assessedOn > today) throw new ValidationError([{ path: 'assessedOn', message: 'an assessment cannot be dated after today' }]);
    const child = effectiveChild(found.child, found.tasks);
    const specs = planPlacement(assessment, child);
    let tasks;
    try {
      tasks = buildTaskItems({ institution: getInstitution(child.institutionId), child }, specs, who, now);
    } catch (err) {
      if (err instanceof ValidationError) throw new ValidationError(asCaseIssues(err, specs.map((s) => s.type)), 'the case lacks what its placement tasks need');
      throw err;
    }
    const step = {
      at: now.toISOString(),
      step: 'assessed' as const,
      ...who,
      note: `${assessment.category}: ${tasks.map((t) => t.type).join(', ') || 'no task needed'}`,
    };
    const ids = tasks.map((t) => t.taskId);
    await transact([recordAssessmentWrite(c, assessment, ids, step), ...tasks.map(putNew)], 'the coming-of-age case changed meanwhile; read it and try again');
    await sendTasks(tasks.filter((t) => t.status === 'dispatched'), now);
    logger.info('coming-of-age assessed', { childId, category: assessment.category, tasks: ids.length });
    // A plan that needs no task has ended as it is recorded: a young person already 18 leaves care now. If this
    // follow-on fails, the assessment stands and the clock sweep discharges them.
    const discharged = !ids.length && (await dischargeNow(childId, now));
    const after = { ...c, status: 'placing' as const, assessment, plan: { taskIds: ids }, history: [...c.history, step] };
    const view = discharged ? (await getChildCase(childId))?.comingOfAge ?? after : after;
    return { status: 201, body: { comingOfAge: comingOfAgeView(view), tasks: tasks.map(taskView) } };
  },
} satisfies Routes;
