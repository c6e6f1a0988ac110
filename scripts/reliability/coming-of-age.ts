// The workload's coming-of-age types (二(六)): public rental housing, priority enlistment, special-hardship recognition
// and the placement hukou open only from a capability assessment, which the hub takes once the clock sweep has opened
// a young person's case, six months before the 18th birthday. So each round admits two children three months short
// of 18 on the hub's clock, runs the clock sweep, and records an assessment for each: one placed in the community
// (housing, enlistment, the hukou and more), one taken into special-hardship support (its recognition).
import { addMonths } from '../../services/calendar/days.ts';
import { chinaDate } from '../../services/calendar/china-time.ts';
import { clock } from '../../services/lib/clock.ts';
import { sleep } from '../local/ports.ts';
import { child, type Call, type Reply } from './workload.ts';

/** Runs the children's clocks now, as the daily schedule does (Hub.sweepClocks). */
export type SweepClocks = () => Promise<unknown>;

const place = { countyCode: '450103', address: '南宁市青秀区新竹街道竹溪社区', villageOrCommunity: '竹溪社区' };

const assessments = {
  community: {
    labourCapacity: 'full',
    selfCareCapacity: 'full',
    wishes: ['technical-school', 'work', 'enlistment'],
    studying: true,
    category: 'community',
    place,
    needsHousing: true,
  },
  'special-hardship': {
    labourCapacity: 'none',
    selfCareCapacity: 'partial',
    wishes: [],
    studying: false,
    category: 'special-hardship',
    place,
    needsHousing: false,
  },
} as const;

/**
 * The tasks both assessments opened, as the API answered them (a 5xx is the caller's `failed` and opens nothing).
 * `expect201` and `failed` are the workload's: anything but 201 or 5xx is its own mistake; a 5xx is listed in `failed`.
 */
export async function openComingOfAge(
  call: Call,
  sweepClocks: SweepClocks,
  institutionId: string,
  round: number,
  expect201: (what: string, reply: Promise<Reply>) => Promise<any>,
  failed: string[],
): Promise<{ taskId: string; type: string; department: string; childId: string }[]> {
  const today = chinaDate(clock.now());
  const birthDate = addMonths(addMonths(today, 3), -18 * 12);
  const as = `staff:${institutionId}`;
  const admitted = await Promise.all(
    Object.keys(assessments).map((_, k) =>
      expect201('coming-of-age admission', call('POST', '/v1/children', { as, body: { ...child(institutionId, round * 2 + k), birthDate, admittedOn: today } })),
    ),
  );
  if (admitted.some((a) => !a)) return [];
  // Under injected faults, or with the table away, a sweep can fail as a scheduled run can; the next run opens what
  // it left, once. One that keeps failing is the caller's 5xx: this round opens no coming-of-age task.
  for (let tries = 1; !(await sweepClocks().then(() => true, () => false)); tries++) {
    if (tries === 5) {
      failed.push('clock sweep: failed 5 times');
      return [];
    }
    await sleep(500);
  }
  const opened = await Promise.all(
    Object.values(assessments).map(async (assessment, k) => {
      const childId: string = admitted[k].childId;
      const body = { ...assessment, assessedOn: today };
      const r = await expect201(`${assessment.category} assessment`, call('POST', `/v1/children/${childId}/capability-assessment`, { as, body }));
      return ((r?.tasks ?? []) as { taskId: string; type: string; department: string }[]).map((t) => ({ ...t, childId }));
    }),
  );
  return opened.flat();
}
