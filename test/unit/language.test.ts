// Accept-Language decides which of an error's messages leads (services/lib/language.ts): the hub's answers and the
// local gateway's keep both `message` and `message_zh`, the preferred one first, and say so in Content-Language.
import { describe, expect, it } from 'vitest';
import { errorReply } from '../../services/api/http.ts';
import { leadingLanguage } from '../../services/lib/language.ts';
import { RuleViolationError, ValidationError } from '../../services/lib/errors.ts';

describe('the leading language of an error', () => {
  it('is the preferred of zh and en by q-value; en without a header or with neither named', () => {
    expect(leadingLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(leadingLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(leadingLanguage('fr, zh;q=0.5')).toBe('zh');
    expect(leadingLanguage('zh;q=0.3, en;q=0.7')).toBe('en');
    expect(leadingLanguage('ZH-Hans')).toBe('zh');
    expect(leadingLanguage(undefined)).toBe('en');
    expect(leadingLanguage('fr-FR')).toBe('en');
  });

  it('orders the hub\'s error answer, and each issue, by it; both messages stay', () => {
    const err = new ValidationError([{ path: 'result.enrolledOn', message: 'required', message_zh: '必填' }]);
    const zh = errorReply(err, 'zh-CN,zh;q=0.9');
    const body = JSON.parse(zh.body);
    expect(zh.headers?.['content-language']).toBe('zh-CN');
    expect(Object.keys(body)).toEqual(['error', 'message_zh', 'message', 'issues']);
    expect(Object.keys(body.issues[0])).toEqual(['message_zh', 'message', 'path']);
    expect(body).toMatchObject({ message: 'the request is invalid', message_zh: '请求内容不符合要求' });
    const en = errorReply(err);
    expect(en.headers?.['content-language']).toBe('en');
    expect(Object.keys(JSON.parse(en.body))).toEqual(['error', 'message', 'issues', 'message_zh']);
    expect(JSON.parse(en.body)).toEqual({ ...body });
  });

  it('keeps a rule\'s own Chinese in a 422', () => {
    const body = JSON.parse(errorReply(new RuleViolationError([{ path: 'result.x', message: 'm', message_zh: '规则' }]), 'zh').body);
    expect(body.issues).toEqual([{ message_zh: '规则', message: 'm', path: 'result.x' }]);
  });
});
