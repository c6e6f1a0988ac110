// How supervisors' pages name cities, reporting periods and report files: 南宁市, 全区, 2026年下半年,
// 南宁市2026年下半年儿童福利工作进展报告.xlsx. Periods follow the hub's own reporting calendar (services/reports/period.ts).
import type { Period } from '../../../../contracts/api/reports.ts';
import { REGION_CODE } from '../../../auth/principal.ts';
import { chinaDate } from '../../../calendar/china-time.ts';
import { periodOf } from '../../../reports/period.ts';
import { guangxiCities } from '../../../seed/institutions.ts';

export const cityZh = (code: string) => (code === REGION_CODE ? '全区' : `${guangxiCities.find((c) => c.code === code)?.name ?? code}市`);

/** 2026-H2 → 2026年下半年 (H1 runs December to May, H2 June to November). */
export const periodZh = (period: string) => `${period.slice(0, 4)}年${period.endsWith('H1') ? '上' : '下'}半年`;

/** The current period and the `count - 1` before it, newest first. */
export function recentPeriods(now = new Date(), count = 4): Period[] {
  const out: Period[] = [periodOf(chinaDate(now))];
  while (out.length < count) {
    const last = out.at(-1)!;
    const year = Number(last.slice(0, 4));
    out.push(last.endsWith('H2') ? `${year}-H1` : `${year - 1}-H2`);
  }
  return out;
}

export const reportFileName = (city: string, period: string, format: 'xlsx' | 'csv') =>
  `${city === REGION_CODE ? '广西壮族自治区' : cityZh(city)}${periodZh(period)}儿童福利工作进展报告.${format}`;

export const waitingOnZh = { department: '部门办理', institution: '机构补充信息' } as const;
export const escalationLevelZh = { city: '已升级至市级', region: '已升级至自治区' } as const;
