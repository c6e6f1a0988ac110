import { describe, expect, it } from 'vitest';
import { checkTransition, reservedStatuses, transitions, taskStatuses, type Action, type Actor } from '../../services/state/lifecycle.ts';

describe('task lifecycle', () => {
  it.each([
    ['requested', 'dispatch', 'system', 'dispatched'],
    ['dispatched', 'deliver', 'system', 'delivered'],
    ['dispatched', 'fail', 'system', 'failed'],
    ['delivered', 'acknowledge', 'department', 'acknowledged'],
    ['dispatched', 'acknowledge', 'department', 'acknowledged'],
    ['failed', 'acknowledge', 'department', 'acknowledged'],
    ['acknowledged', 'complete', 'department', 'completed'],
    ['in-progress', 'complete', 'department', 'completed'],
    ['delivered', 'reject', 'department', 'rejected'],
    ['in-progress', 'reject', 'department', 'rejected'],
    ['failed', 'resume', 'staff', 'dispatched'],
    ['delivered', 'cancel', 'system', 'cancelled'],
  ] as const)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(checkTransition(from, action, actor)).toEqual({ ok: true, to });
  });

  it.each([
    ['completed', 'complete'],
    ['completed', 'reject'],
    ['rejected', 'acknowledge'],
    ['delivered', 'complete'],
    ['requested', 'acknowledge'],
    ['cancelled', 'resume'],
    ['delivered', 'deliver'],
  ] as const)('refuses %s --%s', (from, action) => {
    // The action's own actor, so only the status can be what refuses it.
    const actor: Actor = transitions.find((t) => t.action === action)!.by[0]!;
    const out = checkTransition(from, action as Action, actor);
    expect(out).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('keeps each action to its actor', () => {
    expect(checkTransition('delivered', 'acknowledge', 'staff')).toMatchObject({ ok: false, reason: 'wrong-actor' });
    expect(checkTransition('dispatched', 'deliver', 'department')).toMatchObject({ ok: false, reason: 'wrong-actor' });
    expect(checkTransition('acknowledged', 'cancel', 'department')).toMatchObject({ ok: false, reason: 'wrong-actor' });
  });

  it('has no way out of a terminal status', () => {
    for (const t of transitions) {
      expect(t.from).not.toContain('completed');
      expect(t.from).not.toContain('rejected');
      expect(t.from).not.toContain('cancelled');
    }
  });

  it('reaches every status but the reserved one, which no route leads to', () => {
    const reached = new Set(['requested', ...transitions.map((t) => t.to)]);
    expect([...reached, ...reservedStatuses].sort()).toEqual([...taskStatuses].sort());
    expect(reached.has('in-progress')).toBe(false);
  });

  it.each([
    ['delivered', 'complete', 'department', 'cannot complete a task that is delivered: acknowledge first'],
    ['dispatched', 'complete', 'department', 'cannot complete a task that is dispatched: acknowledge first'],
    ['acknowledged', 'acknowledge', 'department', 'cannot acknowledge a task that is acknowledged: a department may now complete, reject, request-information'],
    ['completed', 'reject', 'department', 'cannot reject a task that is completed: the task is closed (completed); nothing more can be done on it'],
    ['information-needed', 'complete', 'department', 'cannot complete a task that is information-needed: it waits on the hub or staff, not on a department'],
  ] as const)('a refused %s --%s by %s says what to do instead', (from, action, actor, message) => {
    expect(checkTransition(from, action, actor)).toEqual({ ok: false, reason: 'not-allowed', message });
  });
});
