import { describe, expect, it } from 'vitest';
import { IdNumber, gb11643CheckChar, isValidIdNumber } from '../../contracts/common.ts';
import { newChildId, newTaskId, ownerOfTask, taskKey } from '../../services/state/keys.ts';
import { ChildId, TaskId } from '../../contracts/common.ts';

describe('GB 11643 resident identity numbers', () => {
  // The standard's worked example: 11010519491231002X.
  it('accepts a number with the right check character, X included', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(IdNumber.parse('11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character, a bad birth date, and wrong lengths', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    const first17 = '45010220200230001'; // 30 February
    expect(isValidIdNumber(first17 + gb11643CheckChar(first17))).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(IdNumber.safeParse('1101051949123100XX').success).toBe(false);
  });
});

describe('ids and keys', () => {
  it('task ids name their owner, so a task is one key lookup away', () => {
    const childId = newChildId();
    expect(ChildId.parse(childId)).toBe(childId);
    const taskId = newTaskId(childId);
    expect(TaskId.parse(taskId)).toBe(taskId);
    expect(ownerOfTask(taskId)).toBe(childId);
    expect(taskKey(taskId)).toEqual({ pk: `CHILD#${childId}`, sk: `TASK#${taskId}` });
    const instTask = newTaskId('CWI-450100');
    expect(TaskId.parse(instTask)).toBe(instTask);
    expect(taskKey(instTask).pk).toBe('INST#CWI-450100');
  });

  it('ids sort by creation time', () => {
    const a = newChildId();
    const b = newChildId();
    expect(a < b).toBe(true);
  });
});
