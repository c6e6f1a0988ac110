import { describe, expect, it } from 'vitest';
import { checkTransition, transitions, taskStatuses, type Action, type Actor } from '../../services/state/lifecycle.ts';

describe('task lifecycle', () => {
  it.each([
    ['requested', 'dispatch', 'system', 'dispatched'],
    ['dispatched', 'deliver', 'system', 'delivered'],
    ['dispatched', 'fail', 'system', 'failed'],
    ['delivered', 'acknowledge', 'department', 'acknowledged'],
    ['dispatched', 'acknowledge', 'department', 'acknowledged'],
    ['acknowledged', 'start', 'department', 'in-progress'],
    ['acknowledged', 'complete', 'department', 'completed'],
    ['in-progress', 'complete', 'department', 'completed'],
    ['delivered', 'reject', 'department', 'rejected'],
    ['in-progress', 'reject', 'department', 'rejected'],
    ['failed', 'resume', 'staff', 'dispatched'],
    ['delivered', 'cancel', 'staff', 'cancelled'],
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

  it('reaches every status', () => {
    const reached = new Set(['requested', ...transitions.map((t) => t.to)]);
    expect([...reached].sort()).toEqual([...taskStatuses].sort());
  });
});
