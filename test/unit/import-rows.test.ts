// A spreadsheet row read as admission facts: cells by their column's kind, the admission contract, Chinese messages
// on the template's headers, and the key a re-import recognises the row by.
import { describe, expect, it } from 'vitest';
import { changedColumns, readRow } from '../../services/cases/import-rows.ts';

const good = { 姓名: '张三', 性别: '男', 出生日期: '2019-01-02', 入院日期: '2026-11-20', 父母不明: '否', 已登记户口: '是', 残疾: '否' };

describe('reading an import row', () => {
  it('reads a good row into the facts a single admission takes, keyed by identity number (upper-cased)', () => {
    const out = readRow('CWI-450100', { ...good, 公民身份号码: '45010220150301002x', 行键: 'K1' });
    expect(out).toMatchObject({ ok: false });
    const valid = readRow('CWI-450100', { ...good, 公民身份号码: '450102201503010028', 孤儿: '是' });
    expect(valid).toMatchObject({
      ok: true,
      key: 'ID#450102201503010028',
      facts: { institutionId: 'CWI-450100', name: '张三', gender: 'male', parentsUnknown: false, hukouRegistered: true, disabled: false, orphan: true },
    });
  });

  it('keys a row without an identity number by its row key, the same facts by the same hash', () => {
    const a = readRow('CWI-450100', { ...good, 行键: 'K1' });
    const b = readRow('CWI-450100', { 行键: 'K1', ...good });
    expect(a.ok && b.ok && [a.key, a.hash === b.hash]).toEqual(['KEY#K1', true]);
  });

  it('names every bad cell by its Chinese header, in Chinese, and unknown columns too', () => {
    const out = readRow('CWI-450100', { ...good, 性别: 'M', 入院日期: '2018-01-01', 残疾: '也许', 备注: 'x', 行键: 'K' });
    expect(out).toEqual({
      ok: false,
      issues: [
        { column: '备注', message: '不是模板中的列' },
        { column: '性别', message: '应为“男”或“女”' },
        { column: '残疾', message: '应为“是”或“否”' },
      ],
    });
    const dates = readRow('CWI-450100', { ...good, 入院日期: '2018-01-01', 行键: 'K' });
    expect(dates).toEqual({ ok: false, issues: [{ column: '出生日期', message: '出生日期不能晚于入院日期' }] });
  });

  it('lists the columns whose values changed', () => {
    expect(changedColumns({ name: 'a', gender: 'male' }, { name: 'b', gender: 'male', disabled: true })).toEqual(['姓名', '残疾']);
  });
});
