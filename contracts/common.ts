// Shared field schemas. Every contract builds on these so that an identifier means the same thing everywhere.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini (decision 0022: a third of classic's bytes) sets no locale of its own; the hub's messages, and the
// Chinese it adds beside them (services/lib/messages-zh.ts), are read from zod's English ones, as classic gives them.
// Every contract imports this module, so the locale is set before anything parses.
z.config(en());

/** A string matching `pattern`; a mismatch names the pattern, as the published schemas declare it. */
const patterned = (pattern: RegExp, what: string) => z.string().check(z.regex(pattern, `${what}: must match ${pattern.source}`));

/**
 * A partner department's code, e.g. `medical-insurance`. Which departments exist is the topology's business
 * (services/topology.ts): adding one must not mean editing the shared contracts.
 */
export const DepartmentCode = patterned(/^[a-z]+(-[a-z]+)*$/, 'a department code such as medical-insurance');
export type DepartmentCode = z.infer<typeof DepartmentCode>;

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

/** GB/T 2260 administrative division code: six digits. */
export const DivisionCode = z.string().check(z.regex(/^[1-9]\d{5}$/, 'a six-digit GB/T 2260 division code'));

/** City-level child welfare institution (CWI-<city code>) or county minor-protection centre (MPC-<county code>). */
export const InstitutionId = patterned(/^(CWI|MPC)-[1-9]\d{5}$/, 'CWI-<city code> or MPC-<county code>');

export const ChildId = patterned(/^CH[0-9A-HJKMNP-TV-Z]{26}$/, 'a child id as returned by admission');

/** A task id names its owner (a child or an institution) so the task is found with one key lookup. */
export const TaskId = patterned(/^(CH[0-9A-HJKMNP-TV-Z]{26}|(CWI|MPC)-\d{6})\.T[0-9A-HJKMNP-TV-Z]{26}$/, 'a task id, <owner>.T<ulid>');

/** `TR` and a ULID, as opening a transfer returns it. */
/** An escalation of an overdue task: `<taskId>.E1` to the city's supervisor, `<taskId>.E2` to the region's. */
export const EscalationId = patterned(
  /^(CH[0-9A-HJKMNP-TV-Z]{26}|(CWI|MPC)-\d{6})\.T[0-9A-HJKMNP-TV-Z]{26}\.E[12]$/,
  'an escalation id, <taskId>.E1 or <taskId>.E2',
);
export const TransferId = patterned(/^TR[0-9A-HJKMNP-TV-Z]{26}$/, 'a transfer id as returned by opening the transfer');

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** The check character of an 18-character resident identity number (GB 11643, ISO 7064 MOD 11-2). */
export function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  return gb11643CheckChar(value.slice(0, 17)) === value[17];
}

export const IdNumber = z.pipe(z.string(), z.transform((s) => s.toUpperCase())).check(z.refine(isValidIdNumber, 'an 18-character GB 11643 resident identity number with a valid check character'));

export const Gender = z.enum(['male', 'female']);
export const ShortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const Reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(1000));

/**
 * The identity number as the hub stores it (already upper-case). Unlike `IdNumber` it has no transform, so
 * schemas that carry it export to JSON Schema as they are.
 */
export const IdNumberCanonical = z
  .string().check(z.regex(/^\d{17}[\dX]$/, {
    message: 'an 18-character GB 11643 resident identity number, check character upper-case',
    abort: true,
  }), z.refine(isValidIdNumber, 'an 18-character GB 11643 resident identity number with a valid check character'), z.describe('Resident identity number (公民身份号码), GB 11643, 18 characters; present only if the child has one'));
