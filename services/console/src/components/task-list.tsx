// Tasks in a compact table: what the admission opened, what a transfer opened.
import type { TaskView } from '../../../../contracts/api/views.ts';
import { dateZh } from '../format.ts';
import { departmentName, titleOf } from '../i18n/titles.ts';
import { Deadline, StatusBadge } from './bits.tsx';

type Row = Pick<TaskView, 'taskId' | 'type' | 'department' | 'status' | 'deadline' | 'overdue'>;


export function TaskTable(p: { tasks: Row[] }) {
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">事项</th>
          <th scope="col">承办部门</th>
          <th scope="col">状态</th>
          <th scope="col">办理期限</th>
        </tr>
      </thead>
      <tbody>
        {p.tasks.map((t) => (
          <tr>
            <td data-label="事项">{titleOf(t.type)}</td>
            <td data-label="承办部门">{departmentName(t.department)}</td>
            <td data-label="状态">
              <StatusBadge status={t.status} />
            </td>
            <td data-label="办理期限">
              {dateZh(t.deadline)}（<Deadline deadline={t.deadline} status={t.status} overdue={t.overdue} />）
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
