// The Chinese of zod's own checks (contracts/api/messages-zh.ts issueDetailZh, through services/lib/messages-zh.ts
// zodIssues): specific where the generic words of the code would mislead a person.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Gender, IsoDate, IsoDateTime, ShortText } from '../../contracts/common.ts';
import { zodIssues } from '../../services/lib/messages-zh.ts';

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
});
