// Field schemas and rules the public-security contracts share.
import * as z from 'zod/mini';
import type { CaseFacts, Child } from '../case.ts';

export { IdNumberCanonical } from '../common.ts';

/** GB 11643: the 17th character is odd for a man, even for a woman. */
export const genderOfIdNumber = (idNumber: string): 'male' | 'female' =>
  Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';

export const HukouAddress = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe('Hukou address (户籍地址)'));

/** A number on a document the police issue (certificate, household, case, sample). */
export const DocumentNumber = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

export { caseChild } from '../case-child.ts';

const PLACEHOLDERS = new Set([
  '无', '没有', '暂无', '其他', '其它', '不适用', '略', '同上', '见附件', '免迁', '不迁移', '不迁', '有损权益',
  'na', 'none', 'null', 'nil', 'other', 'unknown', 'tbd', 'exempt', 'notapplicable', 'seeattachment',
]);

/**
 * Whether a reason says something: not a placeholder ('无', 'n/a', 'other'), not one character repeated, and at
 * least six Han characters or twenty letters and digits. The exemption from hukou migration is the one place
 * the policy lets a transfer leave the child's hukou behind (三(一)), so its reason must be one a supervisor can check.
 */
export function isSubstantiveReason(text: string): boolean {
  const compact = text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  if (PLACEHOLDERS.has(compact)) return false;
  if (new Set(compact).size < 3) return false;
  const han = compact.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 6 || [...compact].length >= 20;
}
