// The coming-of-age terms the task types' contracts and the clock sweep read (decision 14, policy 二(六)): a capacity, a
// wish, the workflow's clock. Apart from the capability assessment's schemas (./coming-of-age.ts, which re-exports
// them) so that a bundle holding every task type but answering no assessment (the sweeps) carries none of those.
import * as z from 'zod/mini';
import { ChildId, Gender, IdNumberCanonical, IsoDate, ShortText } from './common.ts';
import type { ClockRule } from './task-roles.ts';

/**
 * Who the young person is, the fields every coming-of-age request opens with: what `childIdentity`
 * (./case-child.ts) fills from the child.
 */
export const youngPersonFields = {
  childId: ChildId.check(z.describe('The hub’s id of the young person')),
  name: ShortText.check(z.describe('Name (姓名)')),
  gender: Gender.check(z.describe('Gender (性别)')),
  birthDate: IsoDate.check(z.describe('Date of birth (出生日期)')),
  idNumber: z.optional(IdNumberCanonical),
};

export const Capacity = z
  .enum(['full', 'partial', 'none']).check(z.describe('full (完全具备), partial (部分具备: 一定的), none (不具备)'));

export const Wish = z
  .enum(['study', 'technical-school', 'work', 'enlistment']).check(z.describe('study (继续就学), technical-school (就读技工院校), work (就业), enlistment (参军入伍)'));

/**
 * The coming-of-age workflow's clock (rules as data, like each task type's `clock`): the capability assessment opens
 * six months before the 18th birthday, for a young person in a city institution's care.
 */
export const comingOfAgeClock = { event: 'age-18', leadMonths: 6, policy: '二(六)' } as const satisfies ClockRule;
