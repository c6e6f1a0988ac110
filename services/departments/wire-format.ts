// What every department's wire mapping declares besides toWire/fromWire: the zod schema of the body pushed for each
// of its task types (the one the mapping builds and reads, so the published JSON Schema is no second copy) and the
// code tables its fields use. scripts/contracts/ publishes them (contracts/generated/schemas/*.wire.schema.json and
// the OpenAPI `webhooks`); the tests parse every toWire output with them.
import * as z from 'zod/mini';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

/** A code's meaning: [code, Chinese, English]; the English defaults to the hub's own value. */
type CodeEntry = readonly [code: string, zh: string, en?: string];

/**
 * A department's code table, hub value → code: `codeTable('性别码 (GB/T 2261.1)', { male: ['1', '男'], … })`.
 * `schema` validates the code and publishes every code's meaning (`x-codes`); `codes[value]` maps the hub's value
 * to the code, `valueOf(code)` back.
 */
export function codeTable<const T extends Record<string, CodeEntry>>(title: string, entries: T) {
  type Codes = { [K in keyof T]: T[K][0] };
  const codes = Object.fromEntries(Object.entries(entries).map(([value, [code]]) => [value, code])) as Codes;
  const meanings = Object.fromEntries(Object.entries(entries).map(([value, [code, zh, en]]) => [code, { zh, en: en ?? value }]));
  const schema = z.enum(codes).check(z.meta({ description: title, 'x-codes': meanings }));
  return {
    title,
    codes,
    schema,
    /** Just the code of `value`: a body's discriminator (`ywlx` of one task type). */
    only<K extends keyof T & string>(value: K) {
      const code = codes[value];
      return z.literal(code).check(z.meta({ description: title, 'x-codes': { [code]: meanings[code]! } }));
    },
    valueOf(code: Codes[keyof T]): keyof T {
      return (Object.keys(codes) as (keyof T)[]).find((k) => codes[k] === code)!;
    },
  };
}

/** The body pushed for one task type and major version. */
export interface WireBody {
  contract: Pick<TaskTypeContract, 'type' | 'version' | 'department' | 'titleZh'>;
  schema: z.ZodMiniType;
}

export interface WireFormat {
  /** The system whose format this follows, for the documents (e.g. 全国中小学生学籍信息管理系统). */
  modelledOn: string;
  bodies: WireBody[];
}

export const defineWireFormat = (format: WireFormat): WireFormat => format;
