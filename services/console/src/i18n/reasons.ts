// The reasons the hub itself writes into a task's history (services/state, adapters, dependencies, sweeps), in
// Chinese. A reason a person wrote (a department's rejection, a staff note) is shown as they wrote it.
import { labelOf } from './labels.ts';
import { titleOf } from './titles.ts';

const fields = (list: string) =>
  list
    .split(', ')
    .map((f) => labelOf(f.replace(/^input\./, '')))
    .join('、');

const rules: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^placed in the department inbox \(pull\)$/, () => '已送达部门待办箱'],
  [/^delivery resumed$/, () => '已重新投递'],
  [/^information needed: (.+)$/, (m) => `部门要求补充：${fields(m[1]!)}`],
  [/^supplied (.*?): (.*)$/s, (m) => `已补充${fields(m[1]!)}：${m[2]}`],
  [/^waits for /, () => '等待前置事项办结后发起'],
  [/^prerequisite (\S+) completed; information needed: (.+)$/, (m) => `前置事项“${titleOf(m[1]!)}”已办结，尚需补充：${fields(m[2]!)}`],
  [/^prerequisite (\S+) completed$/, (m) => `前置事项“${titleOf(m[1]!)}”已办结`],
  [/^prerequisite (\S+) \(\S+\) was (\S+)/, (m) => `前置事项“${titleOf(m[1]!)}”${m[2] === 'rejected' ? '被退回' : '已撤销'}，本事项随之撤销`],
  [/^delivery failed after (\d+) attempts/, (m) => `投递${m[1]}次均未成功，已转入待处理队列`],
  [/^department answered (\d+): (.*)$/, (m) => `部门系统拒收（${m[1]}）：${/[\u4e00-\u9fff]/.test(m[2]!) ? m[2] : '请求未被受理'}`],
  [/^re-?dispatch/i, () => '重新派发'],
];

export function reasonZh(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  for (const [re, to] of rules) {
    const m = re.exec(reason);
    if (m) return to(m);
  }
  return reason;
}
