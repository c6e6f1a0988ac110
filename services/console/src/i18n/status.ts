// Task and transfer states as the people who act on them call them.
import type { TaskStatus } from '../../../../contracts/api/views.ts';

export const statusZh: Record<TaskStatus, string> = {
  requested: '待发起',
  dispatched: '已派发',
  delivered: '待签收',
  acknowledged: '已签收',
  'in-progress': '办理中',
  'information-needed': '待补充信息',
  completed: '已办结',
  rejected: '已退回',
  failed: '投递失败',
  cancelled: '已撤销',
};

/** Badge colour class of a status. */
export function statusTone(status: TaskStatus): string {
  if (status === 'completed') return 'ok';
  if (status === 'rejected' || status === 'failed' || status === 'cancelled') return 'bad';
  if (status === 'information-needed') return 'warn';
  return 'info';
}

export const transferStateZh = { pending: '待移送', sent: '已移送待接收', received: '已接收' } as const;
export const genderZh = { male: '男', female: '女' } as const;
