// What a child's clocks did, one item per child and clock rule, written in the same transaction as what the clock
// opened (a task, the coming-of-age case), on a key that must be free: a clock opens its task once, whatever the
// number of sweeps, restarts or sweeps running at once (decision 14).
//   clock  pk CHILD#<childId>  sk CLOCK#<rule>
import type { ClockRecord } from '../cases/clock-events.ts';
import { childKey } from './keys.ts';

export interface ClockItem extends ClockRecord {
  pk: string;
  sk: string;
  entity: 'clock';
  event: string;
  eventOn: string;
  at: string;
}

export function newClockItem(childId: string, r: Omit<ClockItem, 'pk' | 'sk' | 'entity'>): ClockItem {
  return { pk: childKey(childId).pk, sk: `CLOCK#${r.rule}`, entity: 'clock', ...r };
}
