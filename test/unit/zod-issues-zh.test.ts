// The Chinese of zod's own checks (contracts/api/messages-zh.ts issueDetailZh, through services/lib/messages-zh.ts
// zodIssues): specific where the generic words of the code would mislead a person.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Gender, IsoDate, IsoDateTime, ShortText } from '../../contracts/common.ts';
import { withChinese, zodIssues } from '../../services/lib/messages-zh.ts';
import { fieldIssues } from '../../services/lib/zod-issues.ts';
import { safetyInspectionV1 } from '../../contracts/fire-rescue/index.ts';
import { errorReply } from '../../services/api/http.ts';
import { buildTaskItems } from '../../services/cases/open-tasks.ts';
import { getInstitution } from '../../services/cases/institutions.ts';

const zhOf = (schema: z.ZodMiniType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return zodIssues(parsed.error).map((i) => i.message_zh);
};

describe('Chinese for zod\'s own checks', () => {
  it('a missing field is required, an empty text may not be empty', () => {
    expect(zhOf(z.strictObject({ name: ShortText }), {})).toEqual(['必填']);
    expect(zhOf(z.strictObject({ name: ShortText }), { name: '' })).toEqual(['不能为空']);
  });

  it('dates and times say their format', () => {
    expect(zhOf(IsoDate, '2024/05/20')).toEqual(['日期格式应为 YYYY-MM-DD（如 2024-05-20）']);
    expect(zhOf(IsoDateTime, '2024-05-20 09:30')).toEqual(['时间格式应为 ISO 8601 并带时区（如 2024-05-20T09:30:00+08:00）']);
  });

  it('a wrong type names the type expected; a value outside a list names the list', () => {
    expect(zhOf(z.number(), '3')).toEqual(['应为数字']);
    expect(zhOf(z.boolean(), 'yes')).toEqual(['应为布尔值（true 或 false）']);
    expect(zhOf(Gender, 'f')).toEqual([`应为以下之一：${Gender.options.join('、')}`]);
  });

  it('sizes say the bound and its unit', () => {
    expect(zhOf(z.string().check(z.maxLength(5)), 'abcdefg')).toEqual(['不能超过5个字符']);
    expect(zhOf(z.array(z.string()).check(z.minLength(2)), ['a'])).toEqual(['至少2项']);
    expect(zhOf(z.int().check(z.lte(10)), 11)).toEqual(['不能大于10']);
  });

  it('keeps the code\'s words where the details add nothing', () => {
    expect(zhOf(z.strictObject({}), { extra: 1 })).toEqual(['含有不允许的字段']);
  });

  it('an issue built without its Chinese (the task builder\'s, services/lib/zod-issues.ts) gets the same Chinese in the answer', () => {
    const schema = z.strictObject({ name: ShortText, born: IsoDate, tags: z.array(z.string()).check(z.minLength(2)), gender: Gender });
    const parsed = schema.safeParse({ born: '2024/05/20', tags: ['a'], gender: 'f', extra: 1 });
    if (parsed.success) throw new Error('expected a refusal');
    const plain = fieldIssues(parsed.error, 'input');
    // What leaves the process is the field issue alone: the zod details ride along unseen.
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain.map(({ path, message }) => ({ path, message })));
    expect(plain.every((i) => !('message_zh' in i))).toBe(true);
    const answered = withChinese({ error: 'invalid_request', message: 'the request is invalid', issues: plain }).issues;
    expect(answered).toEqual(zodIssues(parsed.error, 'input'));
    expect(answered!.map((i) => i.message_zh)).toEqual(['必填', '日期格式应为 YYYY-MM-DD（如 2024-05-20）', '至少2项', `应为以下之一：${Gender.options.join('、')}`, '含有不允许的字段']);
  });

  it('a task opened with bad input is answered with the Chinese of each check, as before the builder left it out', () => {
    let thrown: unknown;
    try {
      buildTaskItems({ institution: getInstitution('CWI-450100') }, [{ type: safetyInspectionV1.type, input: { inspectionKind: 'weekly', extra: 1 } }], { by: 'staff:CWI-450100' }, new Date());
    } catch (err) {
      thrown = err;
    }
    const body = JSON.parse(errorReply(thrown).body) as { issues: { path: string; message_zh: string }[] };
    expect(body.issues.map((i) => [i.path, i.message_zh])).toEqual([
      ['input.inspectionKind', '应为以下之一：periodic、requested'],
      ['input', '含有不允许的字段'],
    ]);
  });
});
