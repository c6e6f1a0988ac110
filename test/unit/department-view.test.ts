// What a department is answered is its contract view, built in code: everything the push carries, nothing of the
// task's bookkeeping, history or other parties' notes.
import { describe, expect, it } from 'vitest';
import { DepartmentTaskView } from '../../contracts/api/views.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import { newTaskItem } from '../../services/state/tasks.ts';
import { departmentView } from '../../services/state/views.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

const task = {
  ...newTaskItem(
    {
      taskId: `CH01JD${'0'.repeat(22)}.T01JD${'0'.repeat(22)}`,
      type: preEnrollmentV1.type,
      contractVersion: 1,
      department: 'medical-insurance',
      subjectId: `CH01JD${'0'.repeat(22)}`,
      institutionId: 'CWI-450100',
      cityCode: '450100',
      deadline: '2026-11-27T23:59:59+08:00',
      input: { note: 'staff input' },
      inputFacts: { idNumber: 'idNumber' },
      request: { childId: `CH01JD${'0'.repeat(22)}`, name: '测试儿童' },
    },
    { by: 'staff:CWI-450100' },
    '2026-11-20T02:00:00.000Z',
  ),
  statusReason: 'supplied idNumber: 补充',
  heldSeconds: 12,
};

describe('[matrix] the department view', () => {
  it('has every field the push carries', () => {
    const envelope = taskEnvelope(task, '2026-11-20T02:00:00.000Z');
    const view = departmentView(task);
    expect(view).toMatchObject({
      taskId: envelope.taskid,
      type: task.type,
      contractVersion: 1,
      subjectId: envelope.subject,
      department: envelope.department,
      deadline: envelope.deadline,
      request: envelope.data,
    });
  });

  it('has nothing else: no history, input, reason, institution or keys', () => {
    const view = departmentView(task);
    expect(Object.keys(view).every((k) => k in DepartmentTaskView.shape)).toBe(true);
    for (const k of ['history', 'input', 'inputFacts', 'statusReason', 'institutionId', 'cityCode', 'heldSeconds', 'pk', 'gsi1sk', 'rev']) {
      expect(view).not.toHaveProperty(k);
    }
    expect(JSON.stringify(view)).not.toMatch(/staff:|补充|staff input/);
  });
});
