// Field schemas the education contracts share.
import * as z from 'zod/mini';
import type { CaseFacts, Child } from '../case.ts';

export { IdNumberCanonical } from '../common.ts';

/**
 * National student record number (全国中小学生学籍号): G + identity number (formal), J + an identity-number-shaped
 * code for a child without one (formal), L + such a code (temporary, replaced by a formal number later).
 */
export const StudentRecordNumber = z
  .string().check(z.regex(/^[GJL]\d{17}[\dX]$/, 'a national student record number: G, J or L followed by 18 characters'), z.describe('National student record number (学籍号): G/J + 18 characters (formal) or L + 18 characters (temporary)'));

/** Formal record numbers stay with the student for life (一人一号、终身不变); only a temporary one is replaced. */
export const isFormalStudentRecordNumber = (n: string) => n.startsWith('G') || n.startsWith('J');

export const SchoolName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe('School name (学校名称)'));

export const schoolLevels = ['kindergarten', 'primary', 'junior-secondary', 'senior-secondary'] as const;
export const SchoolLevel = z
  .enum(schoolLevels).check(z.describe('Level of schooling: kindergarten (幼儿园), primary (小学), junior secondary (初中), senior secondary (高中)'));

/** The highest grade of each level (kindergarten has three years: 小班, 中班, 大班). */
export const gradesPerLevel: Record<(typeof schoolLevels)[number], number> = {
  kindergarten: 3,
  primary: 6,
  'junior-secondary': 3,
  'senior-secondary': 3,
};

export { caseChild } from '../case-child.ts';
