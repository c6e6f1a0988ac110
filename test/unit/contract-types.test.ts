// Type tests: a task type's part in the shared mechanisms is typed against its own schemas, so a misspelt result
// field, input field or child fact fails `npm run typecheck` (each `@ts-expect-error` below fails it if the line
// compiles). The runtime assertions check that what does compile is what the mechanisms read.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineTaskType } from '../../contracts/task-type.ts';

const Input = z.strictObject({ place: z.string(), note: z.optional(z.string()) });
const Result = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('done'), number: z.string(), onDate: z.iso.date() }),
  z.strictObject({ outcome: z.literal('refused'), reason: z.string() }),
]);
const base = {
  type: 'example.typed',
  version: 1,
  department: 'example',
  subject: 'child',
  titleZh: '类型示例',
  policy: '三(一)',
  input: Input,
  request: z.strictObject({}),
  result: Result,
  discloses: [],
  buildRequest: () => ({}),
  rules: [],
} as const;

describe('contract roles are typed by the contract', () => {
  it('accepts result fields of any member of the result union, and facts they fit', () => {
    const contract = defineTaskType({
      ...base,
      feeds: { fields: { number: 'foundlingCertificateNumber', reason: 'schoolName' }, set: { inSchool: true } },
      admission: { when: ['parentsUnknown'], input: { place: 'foundPlace' }, policy: '三(一)' },
    });
    expect(contract.feeds?.fields).toEqual({ number: 'foundlingCertificateNumber', reason: 'schoolName' });
    expect(contract.admission?.input).toEqual({ place: 'foundPlace' });
  });

  it('refuses a result field, an input field or a fact that does not exist, and a fact the value does not fit', () => {
    const refused = [
      // @ts-expect-error: `nummber` is no field of the result
      defineTaskType({ ...base, feeds: { fields: { nummber: 'foundlingCertificateNumber' } } }),
      // @ts-expect-error: `certificate` is no fact of a child
      defineTaskType({ ...base, feeds: { fields: { number: 'certificate' } } }),
      // @ts-expect-error: a string does not fit the boolean fact `inSchool`
      defineTaskType({ ...base, feeds: { fields: { number: 'inSchool' } } }),
      // @ts-expect-error: `plcae` is no field of the input
      defineTaskType({ ...base, admission: { when: ['parentsUnknown'], input: { plcae: 'foundPlace' }, policy: '三(一)' } }),
      // @ts-expect-error: `orphaned` is no fact an admission rule can test
      defineTaskType({ ...base, admission: { when: ['orphaned'], policy: '三(一)' } }),
      // @ts-expect-error: `toInstitution` is no field of the input
      defineTaskType({ ...base, workflow: { name: 'transfer', step: 'hukou-migration', boundInput: ['toInstitution'] } }),
      // @ts-expect-error: a transfer has no step `guardianship`
      defineTaskType({ ...base, workflow: { name: 'transfer', step: 'guardianship', boundInput: [] } }),
      // @ts-expect-error: a result rule names `nmuber`, no field of the result
      defineTaskType({ ...base, rules: [{ id: 'number', kind: 'required', field: 'nmuber', en: 'a number', zh: '须填写编号' }] }),
    ];
    expect(refused).toHaveLength(8);
  });
});
