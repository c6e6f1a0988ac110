// Chinese for what the hub writes in English: the contracts' own messages (zod custom messages), the API's refusals
// by error code and by zod issue code. The one table: the API answers `message_zh` from it (services/api/http.ts),
// the console shows it (services/console/src/i18n/); a task-type contract's own `zh.messages` and its result rules'
// words (each rule declares both languages: contracts/result-rules.ts) complete it (services/lib/messages-zh.ts).
// test/console/i18n.test.ts fails when a contract gains a message with no Chinese here or in its own `zh`.
import type { errorCodes } from './errors.ts';

const exact: Record<string, string> = {
  'a transfer to a social welfare institution names it': '转入社会福利机构须写明机构名称',
  'a placement in the community names the village or community': '回归村（社区）安置须写明村（社区）',
  'each wish once': '每项意愿只能填写一次',
  'employment assistance goes with the wish to work': '申请就业援助须有就业意愿',
  'a grade needs a level': '填写年级时须选择学段',
  'a national student record number: G, J or L followed by 18 characters': '学籍号格式不正确：应为G、J或L加18位字符',
  'each area once': '每个类别只能选择一次',
  'a disability certificate number: 18-character identity number, category, grade': '残疾人证号格式不正确：应为18位身份号码加类别位、等级位',
  'disagrees with the certificate number': '与残疾人证号不一致',
  'a six-digit GB/T 2260 division code': '请填写6位行政区划代码',
  'an 18-character GB 11643 resident identity number with a valid check character': '公民身份号码无效：应为18位，且校验码正确',
  'an 18-character GB 11643 resident identity number, check character upper-case': '公民身份号码应为18位（末位可为X）',
  'supply facts, input, or both': '请至少补充一项信息',
  'give the reason migration would harm the child’s legal rights': '请写明迁移户口将如何损害儿童合法权益',
  'a child is listed twice': '同一名儿童不能重复选择',
  'the birth date cannot be after the admission date': '出生日期不能晚于入院日期',
  'transfers start at a county minor-protection centre': '移交须由县级未成年人救助保护机构发起',
  'not in this transfer': '该儿童不在本次移交中',
  // The API's own refusals (services/api/http.ts).
  'only supervisors read who looked at a child': '仅督导人员可查看儿童信息的查阅记录',
  'send `content-type: application/json` with a JSON body': '请以 content-type: application/json 发送 JSON 请求体',
  'send content-type: application/json': '请以 content-type: application/json 发送',
  'the body is not valid JSON': '请求体不是有效的 JSON',
  'the body has a forbidden key': '请求体含有不允许的键',
  'forbidden key': '不允许的键',
  'not a token this API returned': '分页令牌无效，请从第一页重新查询',
  'not a city of the region': '不是本区的设区市代码',
  'not a token this API returned for this caller and city': '分页令牌无效，请从第一页重新查询',
  'a period: <year>-H1 (December to May) or <year>-H2 (June to November)': '报告期格式应为 <年份>-H1（12月至5月）或 <年份>-H2（6月至11月）',
  'not one of the region\'s 14 city codes': '不是自治区14个设区市的代码',
  'not one of the region\'s 14 city codes or 450000': '不是自治区14个设区市的代码或450000',
  'an escalation id, <taskId>.E1 or <taskId>.E2': '督办编号格式不正确：应为 <任务编号>.E1 或 .E2',
  'not a token this API returned for this department and status': '分页令牌无效，请从第一页重新查询',
  'a path parameter is malformed': '路径参数格式不正确',
  'the request is invalid': '请求内容不符合要求',
  'the result breaks a policy rule': '办理结果不符合政策规则',
  'a valid bearer token is required': '需要有效的访问令牌',
  required: '必填',
};

const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\S+ has (\d+) grades$/, (m) => `该学段只有${m[1]}个年级`],
  [/^not a child in the care of /, () => '该儿童不在本机构'],
  [/^the city institution of /, () => '应移交至本市儿童福利机构'],
  [/: must match \S+$/, () => '格式不正确'],
  [/^import \S+: rows sent faster than (\S+) a second; send this page again in (\d+) s$/, (m) => `导入过快：每秒至多${m[1]}行，本页未导入，请${m[2]}秒后重新提交`],
];

/** The Chinese of a known English message, or undefined. */
export function knownZh(message: string): string | undefined {
  const hit = exact[message];
  if (hit) return hit;
  for (const [re, to] of patterns) {
    const m = re.exec(message);
    if (m) return to(m);
  }
  return undefined;
}


/** What each error code means, when the message itself has no Chinese. */
export const errorZh: Record<(typeof errorCodes)[keyof typeof errorCodes], string> = {
  invalid_request: '请求内容不符合要求',
  unauthorized: '需要有效的访问令牌',
  forbidden: '无权进行此操作',
  not_found: '未找到',
  conflict: '与当前状态冲突，未作任何更改',
  rule_violation: '办理结果不符合政策规则',
  too_many_requests: '提交过快，未作任何更改，请稍后重试',
  internal: '系统内部错误，请稍后重试',
};

/**
 * The gateway's own refusals, before any handler runs: API Gateway's (its gateway responses, infra/api.ts) and the
 * local gateway's that stands in for it (scripts/local/gateway-http.ts), by what went wrong.
 */
export const gatewayZh = {
  unauthorized: '需要有效的访问令牌',
  forbidden: '无权访问此资源',
  not_found: '没有这个接口路径，请核对请求方法和路径',
  bad_request: '请求不符合接口要求',
  payload_too_large: '请求体过大',
  throttled: '请求过于频繁，请稍后重试',
  bad_gateway: '系统内部错误，请稍后重试',
  gateway_timeout: '处理超时，请稍后重试',
  // The local gateway's only: a route or its wiring missing, which API Gateway's deployment would not allow.
  method_not_allowed: '该路径不支持此请求方法',
  not_implemented: '该接口尚未接入',
  authorizer_missing: '该接口未配置鉴权',
  authorizer_error: '鉴权服务出错，请稍后重试',
  internal_error: '系统内部错误，请稍后重试',
} as const;
export type GatewayFailure = keyof typeof gatewayZh;

/** One field's problem by zod issue code (`required`: the field is missing). */
export const issueZh: Record<string, string> = {
  required: '必填',
  invalid_type: '类型不正确',
  too_small: '过短或过小',
  too_big: '过长或过大',
  invalid_format: '格式不正确',
  invalid_value: '不是允许的取值',
  unrecognized_keys: '含有不允许的字段',
  invalid_union: '不符合任何一种允许的格式',
  custom: '不符合要求',
};

/** What zod says about a failed check, beyond its code (zod 4's issue fields). */
export interface IssueDetail {
  code?: string;
  format?: string;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: readonly unknown[];
}

const typeZh: Record<string, string> = { string: '文本', number: '数字', int: '整数', boolean: '布尔值（true 或 false）', object: '对象（JSON 对象）', array: '列表' };
const sizeZh: Record<string, [unit: string, small: string, big: string]> = {
  string: ['个字符', '至少', '不能超过'],
  array: ['项', '至少', '最多'],
  number: ['', '不能小于', '不能大于'],
};

/**
 * The Chinese of zod's own checks where its code alone would mislead a person: an empty text is "不能为空", not
 * "too short"; a date says its format; a number given as text says a number is expected; a value not in a list
 * names the list. Undefined: the code's words (`issueZh`) are right.
 */
export function issueDetailZh(i: IssueDetail): string | undefined {
  switch (i.code) {
    case 'invalid_format':
      if (i.format === 'date') return '日期格式应为 YYYY-MM-DD（如 2024-05-20）';
      if (i.format === 'datetime') return '时间格式应为 ISO 8601 并带时区（如 2024-05-20T09:30:00+08:00）';
      return undefined;
    case 'invalid_type':
      return i.expected && typeZh[i.expected] ? `应为${typeZh[i.expected]}` : undefined;
    case 'too_small': {
      const size = i.origin ? sizeZh[i.origin] : undefined;
      if (!size || i.minimum === undefined) return undefined;
      return i.origin === 'string' && Number(i.minimum) === 1 ? '不能为空' : `${size[1]}${i.minimum}${size[0]}`;
    }
    case 'too_big': {
      const size = i.origin ? sizeZh[i.origin] : undefined;
      return size && i.maximum !== undefined ? `${size[2]}${i.maximum}${size[0]}` : undefined;
    }
    case 'invalid_value':
      return i.values?.length && i.values.length <= 12 ? `应为以下之一：${i.values.map(String).join('、')}` : undefined;
    default:
      return undefined;
  }
}
