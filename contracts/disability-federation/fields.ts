// Field schemas the disabled persons' federation contracts share.
import * as z from 'zod/mini';
import type { CaseFacts, Child } from '../case.ts';

export { IdNumberCanonical } from '../common.ts';

/** Rehabilitation areas of the disabled children's rehabilitation assistance system (残疾儿童康复救助制度). */
export const rehabAreas = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'autism'] as const;
export const RehabArea = z
  .enum(rehabAreas).check(z.describe('Rehabilitation area: visual (视力), hearing (听力), speech (言语), physical (肢体), intellectual (智力), autism (孤独症)'));

export const rehabInterventions = ['surgery', 'assistive-devices', 'rehabilitation-training'] as const;
export const RehabIntervention = z
  .enum(rehabInterventions).check(z.describe('Kind of assistance: surgery (手术), assistive devices (辅助器具适配), rehabilitation training (康复训练)'));

/** Disability categories of the disability certificate (残疾人证), GB/T 26341. */
export const DisabilityCategory = z
  .enum(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']).check(z.describe('Disability category (残疾类别): 视力, 听力, 言语, 肢体, 智力, 精神, 多重'));

export const DisabilityGrade = z
  .int().check(z.gte(1), z.lte(4), z.describe('Disability grade (残疾等级): 1 (一级, most severe) to 4 (四级)'));

/** 残疾人证号: the holder's identity number, then the category digit (1-7) and the grade digit (1-4). */
export const DisabilityCertificateNumber = z
  .string().check(z.regex(/^\d{17}[\dX][1-7][1-4]$/, 'a disability certificate number: 18-character identity number, category, grade'), z.describe('Disability certificate number (残疾人证号): identity number + category digit + grade digit'));

export { caseChild } from '../case-child.ts';
