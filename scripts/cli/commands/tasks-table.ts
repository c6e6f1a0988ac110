// The one table of tasks every command prints (Chinese headers and names: people read them).
import type { TaskView } from '../../../contracts/api/views.ts';
import { chinaDay, departmentName } from '../readable.ts';

export const TASK_HEAD = ['任务编号', '类型', '部门', '状态', '期限', '逾期'];

export function taskRows(tasks: Pick<TaskView, 'taskId' | 'type' | 'department' | 'status' | 'deadline' | 'overdue'>[]) {
  return tasks.map((t) => [t.taskId, t.type, departmentName(t.department), t.status, chinaDay(t.deadline), t.overdue ? '是' : '']);
}
