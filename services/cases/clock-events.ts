// A child's clocks (decision 14): the dates in its life that follow from its birth date, and, on a given day, what
// each clock rule calls for. Pure: the daily clock sweep (clocks.ts) opens what is due, the child's page lists it.
import type { ClockEventView } from '../../contracts/api/clocks.ts';
import type { Child, Institution } from '../../contracts/case.ts';
import type { ClockEvent, ClockRule } from '../../contracts/task-roles.ts';
import { addMonths, dayNumber } from '../calendar/days.ts';
import { admissionFacts } from './admission.ts';

/** The first day the child is `years` old, as ageOn counts (someone born on 29 February comes of age on 1 March). */
export function birthday(birthDate: string, years: number): string {
  const same = `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;
  try {
    dayNumber(same);
    return same;
  } catch {
    return addMonths(`${same.slice(0, 8)}01`, 1);
  }
}

/** When a clock strikes for a child born on `birthDate`. */
export function eventOn(event: ClockEvent, birthDate: string): string {
  switch (event) {
    // The school year starting 1 September of the year the child turns 6 (义务教育法 art. 11: 满六周岁).
    case 'school-age':
      return `${Number(birthDate.slice(0, 4)) + 6}-09-01`;
    case 'age-16':
      return birthday(birthDate, 16);
    case 'age-18':
      return birthday(birthDate, 18);
  }
}

/** A clock rule with what it opens: a task type (its contract's `clock`) or a workflow's first step. */
export interface ClockEntry {
  /** The task type, or the workflow's name: one clock per child and entry, ever. */
  id: string;
  opens: 'task' | 'workflow';
  rule: ClockRule;
}

/** What a child's partition says a clock already did (services/state/clocks.ts). */
export interface ClockRecord {
  rule: string;
  openedOn: string;
  taskId?: string;
  /** A task of the type was already open or done (opened by admission or by hand): the clock opened nothing. */
  covered?: boolean;
}

export interface ChildInCare {
  child: Child;
  kind: Institution['kind'];
  /** Set once the child has left care: its clocks have stopped. */
  leftCareOn?: string;
}

/**
 * The child's clock events on `today`: every rule that applies where the child is and to its facts as they stand,
 * with when it strikes, when it opens, and whether it has (`opened`, `covered`) or should now (`due`). Rules whose
 * window has passed, or whose facts do not hold, are left out; a child who has left care has nothing upcoming.
 */
export function childClocks(c: ChildInCare, entries: ClockEntry[], records: ClockRecord[], today: string): ClockEventView[] {
  const facts = admissionFacts(c.child, today);
  return entries.flatMap(({ id, opens, rule }): ClockEventView[] => {
    const on = eventOn(rule.event, c.child.birthDate);
    const base = {
      rule: id,
      opens,
      event: rule.event,
      eventOn: on,
      opensOn: addMonths(on, -rule.leadMonths),
      ...(rule.untilMonths !== undefined ? { closesOn: addMonths(on, rule.untilMonths) } : {}),
      policy: rule.policy,
    };
    const record = records.find((r) => r.rule === id);
    if (record) {
      const state = record.covered ? ('covered' as const) : ('opened' as const);
      return [{ ...base, state, openedOn: record.openedOn, ...(record.taskId ? { taskId: record.taskId } : {}) }];
    }
    if (c.leftCareOn) return [];
    if (!(rule.at ?? ['city-welfare']).includes(c.kind)) return [];
    if (base.closesOn && today >= base.closesOn) return [];
    if (!(rule.when ?? []).every((f) => facts[f]) || (rule.unless ?? []).some((f) => facts[f])) return [];
    return [{ ...base, state: today >= base.opensOn ? 'due' : 'upcoming' }];
  });
}
