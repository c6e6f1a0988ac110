// 学籍转移: moving the student record of a child whose hukou migrates with a county-to-city transfer (policy
// 四(二): 教育部门要为符合条件的户口迁移儿童办理学籍转移手续; the transfer itself is 三(一)). Education sees the
// child, the current school and record number, and where the child is going: nothing about the hukou itself.
import * as z from 'zod/mini';
import { ChildId, Gender, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import {
  caseChild,
  IdNumberCanonical,
  isFormalStudentRecordNumber,
  SchoolName,
  StudentRecordNumber,
} from './fields.ts';

export const SchoolRecordTransferInput = z
  .strictObject({
    fromSchoolName: SchoolName.check(z.describe('School the child attends now (转出学校)')),
    studentRecordNumber: StudentRecordNumber.check(z.describe('The child’s current student record number (学籍号)')),
    toInstitutionId: InstitutionId.check(z.describe('Institution the child moves to (接收机构); the new school is near it')),
  }).check(z.meta({
    title: 'education.school-record-transfer v1 input',
    description: 'What staff supply when opening a record transfer',
  }));

export const SchoolRecordTransferRequest = z
  .strictObject({
    childId: ChildId.check(z.describe('The hub’s child id')),
    name: ShortText.check(z.describe('Child’s name (姓名)')),
    gender: Gender.check(z.describe('Gender (性别)')),
    birthDate: IsoDate.check(z.describe('Date of birth (出生日期)')),
    idNumber: z.optional(IdNumberCanonical),
    fromSchoolName: SchoolName.check(z.describe('School the child attends now (转出学校)')),
    studentRecordNumber: StudentRecordNumber.check(z.describe('Current student record number (学籍号)')),
    toInstitutionId: InstitutionId.check(z.describe('Institution the child moves to (接收机构); its city code locates the new school')),
  }).check(z.meta({
    title: 'education.school-record-transfer v1 request',
    description: '学籍转移: what the education bureau receives',
  }));

export const SchoolRecordTransferResult = z
  .strictObject({
    newSchoolName: SchoolName.check(z.describe('School the record moved to (转入学校)')),
    studentRecordNumber: StudentRecordNumber.check(z.describe('Record number after the transfer: the formal number unchanged (一人一号、终身不变), or a formal one replacing an L one')),
    effectiveDate: IsoDate.check(z.describe('Date the transfer takes effect (学籍异动生效日期)')),
  }).check(z.meta({
    title: 'education.school-record-transfer v1 result',
    description: '学籍转移: what the education bureau returns',
  }));

export const schoolRecordTransferV1 = defineTaskType({
  type: 'education.school-record-transfer',
  version: 1,
  department: 'education',
  subject: 'child',
  titleZh: '学籍转移',
  policy: '四(二), 三(一)',
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'studentRecordNumber', 'schoolName'],
  // The record follows the child to the transfer's destination.
  workflow: {
    name: 'transfer',
    step: 'school-record-transfer',
    boundInput: ['toInstitutionId'],
    // The school and record number are the child's as they stand when the request is built.
    inputFacts: { fromSchoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' },
  },
  input: SchoolRecordTransferInput,
  request: SchoolRecordTransferRequest,
  result: SchoolRecordTransferResult,
  buildRequest(facts, input) {
    const child = caseChild(facts, 'education.school-record-transfer');
    return {
      ...childIdentity(child),
      fromSchoolName: input.fromSchoolName,
      studentRecordNumber: input.studentRecordNumber,
      toInstitutionId: input.toInstitutionId,
    };
  },
  // The record moved: the child's school is the new one, its number the one returned.
  feeds: { fields: { newSchoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' } },
  rules: [
    {
      // A formal record number follows the student through every transfer; only a temporary (L) one is replaced.
      id: 'formal-number-kept',
      kind: 'described',
      field: 'studentRecordNumber',
      en: 'a formal student record number does not change on transfer (一人一号、终身不变): return the number sent',
      zh: '正式学籍号转学后不变（一人一号、终身不变），请填写原学籍号',
      holds: (result, request) =>
        !isFormalStudentRecordNumber(request.studentRecordNumber) || result.studentRecordNumber === request.studentRecordNumber,
    },
  ],
});
