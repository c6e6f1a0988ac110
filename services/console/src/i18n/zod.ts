// zod in the browser speaks Chinese: its zh-CN locale, friendlier words for the commonest cases (a field left empty),
// and the contracts' own English messages translated (messages.ts). Loaded only by pages with forms.
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import { messageZh } from './messages.ts';
import { titleOf } from './titles.ts';

z.config(zhCN());
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === '' ? '请填写此项' : undefined;
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '请填写此项' : `至少填写${issue.minimum}个字`;
        if (issue.origin === 'array') return `请至少选择${issue.minimum}项`;
        return `不能小于${issue.minimum}`;
      case 'too_big':
        if (issue.origin === 'string') return `不能超过${issue.maximum}个字`;
        if (issue.origin === 'array') return `最多选择${issue.maximum}项`;
        return `不能大于${issue.maximum}`;
      case 'invalid_format':
        return issue.format === 'date' ? '请填写有效日期' : '格式不正确';
      case 'invalid_value':
        return '请选择一项';
      case 'unrecognized_keys':
        return '含有不应填写的项';
      default:
        return undefined;
    }
  },
});

/** Field path (dotted, without a prefix) → the first message for it, in Chinese. */
export type Issues = Record<string, string>;

export function issuesOf(list: { path: string; message: string }[], prefix = ''): Issues {
  const out: Issues = {};
  for (const i of list) {
    const path = prefix && i.path.startsWith(`${prefix}.`) ? i.path.slice(prefix.length + 1) : i.path;
    out[path] ??= messageZh(i.message, titleOf);
  }
  return out;
}

export function zodIssues(error: z.core.$ZodError): Issues {
  return issuesOf(error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })));
}

export { z };
