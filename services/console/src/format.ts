// Dates and deadlines as Chinese civil servants write them: 2026年11月20日, 剩余3个工作日, 已逾期2个工作日. Working
// days come from the hub's own calendar (services/calendar), so the page and the deadline sweep agree.
import { chinaDate } from '../../calendar/china-time.ts';
import { workingDaysBetween } from '../../calendar/working-days.ts';

const dayOf = (value: string) => (value.length > 10 ? chinaDate(new Date(value)) : value);

export function dateZh(value: string | undefined): string {
  if (!value) return '—';
  const [y, m, d] = dayOf(value).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function dateTimeZh(value: string): string {
  const china = new Date(Date.parse(value) + 8 * 3600_000).toISOString();
  return `${dateZh(china.slice(0, 10))} ${china.slice(11, 16)}`;
}

export interface DeadlineWords {
  text: string;
  overdue: boolean;
}

/** How a deadline stands today, in working days. */
export function deadlineWords(deadline: string, now = new Date()): DeadlineWords {
  const today = chinaDate(now);
  const due = dayOf(deadline);
  if (now.getTime() > Date.parse(deadline)) {
    const late = workingDaysBetween(due, today);
    return { text: late > 0 ? `已逾期${late}个工作日` : '已逾期', overdue: true };
  }
  const left = workingDaysBetween(today, due);
  return { text: left > 0 ? `剩余${left}个工作日` : '今日到期', overdue: false };
}

/** How long something has waited, in whole days (information requests wait on the institution's staff). */
export function waitedDays(since: string, now = new Date()): string {
  const days = Math.floor((now.getTime() - Date.parse(since)) / 86_400_000);
  return days < 1 ? '不足1天' : `${days}天`;
}

export function durationZh(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))}分钟`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}小时`;
  return `${Math.round(seconds / 86_400)}天`;
}
