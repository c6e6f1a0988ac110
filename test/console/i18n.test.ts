// Every name a console page shows for a contract's fields, values and messages is Chinese: a contract that gains
// one without a translation fails here, not in front of a civil servant.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ChildFacts } from '../../contracts/case.ts';
import { fieldZh, valueZh } from '../../services/console/src/i18n/labels.ts';
import { knownZh, messageZh } from '../../services/console/src/i18n/messages.ts';
import { reasonZh } from '../../services/console/src/i18n/reasons.ts';
import { taskTypes } from '../../services/topology.ts';
import { foundlingReportV1 } from '../../contracts/public-security/index.ts';

type Def = { type: string; [k: string]: unknown };
const def = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

function collect(schema: unknown, fields: Set<string>, values: Set<string>) {
  const d = def(schema);
  if (['optional', 'nullable', 'default'].includes(d.type)) return collect(d.innerType, fields, values);
  if (d.type === 'pipe') return collect(d.in, fields, values);
  if (d.type === 'array') return collect(d.element, fields, values);
  if (d.type === 'union') return (d.options as unknown[]).forEach((o) => collect(o, fields, values));
  if (d.type === 'enum') return Object.values(d.entries as Record<string, string>).forEach((v) => values.add(v));
  if (d.type === 'literal') return (d.values as unknown[]).forEach((v) => values.add(String(v)));
  if (d.type === 'object') {
    for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodMiniType>)) {
      fields.add(k);
      collect(v, fields, values);
    }
  }
}

const han = /[\u4e00-\u9fff]/;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? (['generated', 'published', 'examples'].includes(f) ? [] : files(join(dir, f))) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('console: Chinese for every contract name', () => {
  it('names every field and value of the admission contract and of every task type\'s input, request and result', () => {
    const fields = new Set<string>();
    const values = new Set<string>();
    collect(ChildFacts, fields, values);
    for (const t of taskTypes) for (const part of ['input', 'request', 'result'] as const) collect(t.contract[part], fields, values);
    expect([...fields].filter((f) => !han.test(fieldZh[f] ?? ''))).toEqual([]);
    expect([...values].filter((v) => !han.test(valueZh[v] ?? ''))).toEqual([]);
  });

  it('translates every message a contract writes', () => {
    const messages = files('contracts').flatMap((f) => {
      const src = readFileSync(f, 'utf8');
      return [
        ...src.matchAll(/message: ['`]([^'`]+)['`]/g),
        ...src.matchAll(/\.(?:refine|regex)\([^,]+, ['`]([^'`]+)['`]\)/g),
        ...src.matchAll(/patterned\([^,]+, '([^']+)'\)/g),
      ].map((m) => (m[0].startsWith('patterned') ? `${m[1]}: must match x` : m[1]!.replaceAll(/\$\{[^}]+\}/g, 'x')));
    });
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !han.test(m) && knownZh(m) === undefined)).toEqual([]);
    // A result rule declares its words in both languages; the console finds its own Chinese by its English (so two
    // rules with the same English must mean the same in Chinese).
    const rules = taskTypes.flatMap((t) => t.contract.rules.map((r) => [`${t.contract.type} ${r.id}`, r] as const));
    expect(rules.length).toBeGreaterThan(40);
    expect(rules.filter(([, r]) => knownZh(r.en) !== r.zh).map(([name]) => name)).toEqual([]);
  });

  it('says which task needs a missing admission fact, and never shows an unknown English message', () => {
    expect(messageZh(`Invalid input: expected string, received undefined (needed for ${foundlingReportV1.type}, policy 三(一))`, () => '捡拾报案证明')).toBe(
      '填写的内容不符合要求（办理“捡拾报案证明”需要，政策三(一)）',
    );
    expect(messageZh('the birth date cannot be after the admission date')).toBe('出生日期不能晚于入院日期');
    expect(messageZh('请补充户号')).toBe('请补充户号');
  });

  it('turns the hub\'s own history reasons into Chinese and keeps what people wrote', () => {
    expect(reasonZh('information needed: idNumber, hukouAddress')).toBe('部门要求补充：公民身份号码、户籍地址');
    expect(reasonZh('supplied foundlingCertificateNumber: 已取得证明')).toBe('已补充捡拾报案证明编号：已取得证明');
    expect(reasonZh(`prerequisite ${foundlingReportV1.type} completed`)).toBe('前置事项“捡拾报案证明”已办结');
    expect(reasonZh('placed in the department inbox (pull)')).toBe('已送达部门待办箱');
    expect(reasonZh('该儿童已由其他机构收养')).toBe('该儿童已由其他机构收养');
  });
});
