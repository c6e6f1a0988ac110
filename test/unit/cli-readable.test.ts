// What `hub`'s tables show a person: China time whatever the machine's zone, Chinese names for organisations.
import { describe, expect, it } from 'vitest';
import { chinaTime, departmentName, institutionName } from '../../scripts/cli/readable.ts';
import { taskRows } from '../../scripts/cli/commands/tasks-table.ts';

describe("hub's table cells", () => {
  it('show an instant as China time to the second, across the China date line', () => {
    expect(chinaTime('2026-12-01T19:54:37.305Z')).toBe('2026-12-02 03:54:37');
    expect(chinaTime('2026-12-01T10:00:00+08:00')).toBe('2026-12-01 10:00:00');
  });

  it('name institutions and departments in Chinese, the code itself when unknown', () => {
    expect(institutionName('CWI-450100')).toBe('南宁市儿童福利院');
    expect(institutionName('CWI-999999')).toBe('CWI-999999');
    expect(departmentName('medical-insurance')).toBe('医疗保障局');
    expect(departmentName('nowhere')).toBe('nowhere');
  });

  it("show a task's department by name and its deadline as the China due day", () => {
    const [row] = taskRows([{ taskId: 'T1', type: 'education.enrolment', department: 'education', status: 'delivered', deadline: '2026-12-01T16:30:00Z', overdue: true }]);
    expect(row).toEqual(['T1', 'education.enrolment', '教育局', 'delivered', '2026-12-02', '是']);
  });
});
