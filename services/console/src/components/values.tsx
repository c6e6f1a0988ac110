// A contract value (a request, a result, a child's facts) as label: value pairs, for reading: in the contract's
// field order when its schema is given, institutions and divisions by name, dates as 2026年11月20日.
import type * as z from 'zod/mini';
import { findInstitution } from '../../../cases/institutions.ts';
import counties from '../../../seed/county-centres.json' with { type: 'json' };
import { guangxiCities } from '../../../seed/institutions.ts';
import { dateZh } from '../format.ts';
import { labelOf, valueLabel } from '../i18n/labels.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const divisions = new Map<string, string>([
  ...counties.map((c) => [c.code, c.name] as [string, string]),
  ...guangxiCities.map((c) => [c.code, `${c.name}市`] as [string, string]),
]);

function show(key: string, v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => show(key, x)).join('；');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${labelOf(k)}：${show(k, x)}`).join('，');
  if (typeof v === 'string') {
    if (/institutionId$/i.test(key)) return findInstitution(v)?.name ?? v;
    if (/(County|city|county)Code$/.test(key)) return divisions.get(v) ?? v;
    if (isoDate.test(v)) return dateZh(v);
  }
  return valueLabel(v);
}

export function Values(p: { value: unknown; skip?: string[]; schema?: z.ZodMiniType }) {
  const value = (p.value ?? {}) as Record<string, unknown>;
  const order = (p.schema as z.ZodMiniObject | undefined)?.shape ? Object.keys((p.schema as z.ZodMiniObject).shape) : [];
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  const entries = keys.map((k) => [k, value[k]] as const).filter(([k, v]) => v !== undefined && !p.skip?.includes(k));
  return (
    <dl class="facts">
      {entries.map(([k, v]) => (
        <>
          <dt>{labelOf(k)}</dt>
          <dd>{show(k, v)}</dd>
        </>
      ))}
    </dl>
  );
}
