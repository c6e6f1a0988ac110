// 入学安置: school placement of a school-age child (policy 二(五)). The institution reports the child to the
// education bureau, which places the child nearby (就近就便) in a kindergarten or public school, or, for a child
// who cannot follow regular education, in a special-education school, the institution's special class, by
// education delivered at home (送教上门) or remotely. Education sees who the child is, where the child lives and
// whether the child is disabled (it decides between those modes): no hukou, police or medical details.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import {
  caseChild,
  gradesPerLevel,
  IdNumberCanonical,
  SchoolLevel,
  SchoolName,
  StudentRecordNumber,
} from './fields.ts';

export const placementModes = [
  'regular-school',
  'special-education-school',
  'special-class-in-institution',
  'home-delivered',
  'remote',
] as const;

export const PlacementMode = z
  .enum(placementModes).check(z.describe('How the child is schooled (二(五)): regular-school (普通学校/普惠性幼儿园), special-education-school (特殊教育学校), ' +
      'special-class-in-institution (儿童福利机构特教班), home-delivered (送教上门), remote (远程教育)'));

const Grade = z.int().check(z.gte(1), z.lte(6), z.describe('Grade within the level (年级), 1 = first year'));

export const SchoolPlacementInput = z
  .strictObject({
    level: z.optional(SchoolLevel),
    grade: z.optional(Grade).check(z.describe('Grade wanted within the level, when staff know it; needs level')),
  }).check(z.superRefine((input, ctx) => {
    if (input.grade === undefined) return;
    if (!input.level) {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'a grade needs a level' });
    } else if (input.grade > gradesPerLevel[input.level]) {
      const message = `${input.level} has ${gradesPerLevel[input.level]} grades`;
      ctx.addIssue({ code: 'custom', path: ['grade'], message });
    }
  }), z.meta({
    title: 'education.school-placement v1 input',
    description: 'What staff may add when opening a school placement',
  }));

export const SchoolPlacementRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Child’s name (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期), estimated for a foundling')),
    idNumber: z.optional(IdNumberCanonical),
    institutionId: InstitutionId.check(z.describe('The institution the child lives in (placement is near it: 就近就便)')),
    institutionName: ShortText.check(z.describe('Name of that institution (儿童福利机构名称)')),
    disabled: z.boolean().check(z.describe('Whether the child is disabled (残疾): decides between regular and special education')),
    level: z.optional(SchoolLevel),
    grade: z.optional(Grade).check(z.describe('Grade wanted within the level')),
  }).check(z.meta({ title: 'education.school-placement v1 request', description: '入学安置: what the education bureau receives' }));

export const SchoolPlacementResult = z
  .strictObject({
    schoolName: SchoolName.check(z.describe('School that holds the child’s record and teaches the child (就读学校)')),
    mode: PlacementMode,
    studentRecordNumber: StudentRecordNumber,
    startDate: IsoDate.check(z.describe('First day of schooling (入学日期)')),
  }).check(z.meta({ title: 'education.school-placement v1 result', description: '入学安置: what the education bureau returns' }));

export const schoolPlacementV1 = defineTaskType({
  type: 'education.school-placement',
  version: 1,
  department: 'education',
  subject: 'child',
  titleZh: '入学安置',
  policy: '二(五)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'disabled'],
  // A child already in school moves its record instead (学籍转移, opened by the transfer).
  admission: { when: ['schoolAge'], unless: ['inSchool'], policy: '二(五)' },
  // And the clock: opened in the June before the school year in which the child turns 6, for a child already in care
  // (a kindergarten child too: it moves up to primary school); later in that school year the admission opens it.
  clock: { event: 'school-age', leadMonths: 3, untilMonths: 12, policy: '二(五)' },
  // And on coming of age, for a young person still studying (二(六): 教育…等部门要为其落实…就学…保障等政策).
  placement: { when: ['studying'], policy: '二(六)' },
  feeds: { fields: { schoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' }, set: { inSchool: true } },
  input: SchoolPlacementInput,
  request: SchoolPlacementRequest,
  result: SchoolPlacementResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'education.school-placement');
    return {
      ...childIdentity(child),
      institutionId: child.institutionId,
      institutionName: facts.institution.name,
      disabled: child.disabled,
      ...(input.level ? { level: input.level } : {}),
      ...(input.grade !== undefined ? { grade: input.grade } : {}),
    };
  },
  rules: [
    {
      id: 'start-after-birth', kind: 'not-before', field: 'startDate', other: 'request.birthDate',
      en: 'schooling cannot start before the child was born',
      zh: '入学日期不能早于出生日期',
    },
  ],
});
