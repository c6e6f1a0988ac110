// The partner check's report: one line per check for people, one JSON document for CI. Pure.
import { signatureSchemes, type SignatureScheme } from '../../contracts/push.ts';
import type { CheckResult } from './checks.ts';
import type { PartnerCheckReport } from './run.ts';

const LABEL = { pass: 'PASS', fail: 'FAIL', warn: 'WARN' } as const;

/** Where a check belongs: the task type's short name, or the part of the endpoint it is about. */
export function scopeOf(check: CheckResult): string {
  if (check.taskType) return check.taskType.slice(check.taskType.indexOf('.') + 1);
  if (check.id.startsWith('signature-')) return 'signature';
  if (check.id.startsWith('body-')) return 'wire format';
  return 'endpoint';
}

/** `PASS  [school-placement] accepts a correctly signed sample task with 2xx: answered 202 in 4 ms` */
export const checkLine = (c: CheckResult) =>
  `${LABEL[c.status]}  [${scopeOf(c)}] ${c.title}: ${c.reason}${c.sent ? `\n      sent: ${c.sent}` : ''}`;

export interface HeaderFacts {
  department: string;
  nameZh?: string;
  url: string;
  taskTypes: number;
  timeoutMs: number;
  signature: SignatureScheme;
}

export function header({ department, nameZh, url, taskTypes, timeoutMs, signature }: HeaderFacts) {
  return (
    `partner check: ${department}${nameZh ? ` (${nameZh})` : ''} at ${url}\n` +
    `${taskTypes} task type${taskTypes === 1 ? '' : 's'}, signed with ${signatureSchemes[signature].title}, time limit ${timeoutMs / 1000} s\n`
  );
}

export function summaryLine(summary: PartnerCheckReport['summary']): string {
  const warnings = summary.warnings ? `, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}` : '';
  return `${summary.passed} passed, ${summary.failed} failed${warnings}`;
}

export function formatText(report: PartnerCheckReport, nameZh?: string): string {
  return [
    header({ ...report, nameZh, taskTypes: report.taskTypes.length }),
    ...report.checks.map(checkLine),
    '',
    summaryLine(report.summary),
    '',
  ].join('\n');
}

export const formatJson = (report: PartnerCheckReport) => `${JSON.stringify(report, null, 2)}\n`;
