// Task types that belong to a workflow are marked on their contract, and only that workflow opens them, with the
// facts it owns: a caller can neither open them by hand nor give or correct those fields.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { Child } from '../../contracts/case.ts';
import { admissionRules } from '../../services/cases/admission.ts';
import { getInstitution } from '../../services/cases/institutions.ts';
import { boundInputIssues, buildTaskItems } from '../../services/cases/open-tasks.ts';
import { transferTasks } from '../../services/cases/transfer-tasks.ts';
import { ValidationError } from '../../services/lib/errors.ts';
import { findTaskType, taskTypes } from '../../services/topology.ts';
import { schoolRecordTransferV1 } from '../../contracts/education/index.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { hukouMigrationV1 } from '../../contracts/public-security/index.ts';

const county = getInstitution('MPC-450123');
const child: Child = {
  childId: `CH01JD${'0'.repeat(22)}`,
  institutionId: county.institutionId,
  name: '测试儿童',
  gender: 'female',
  birthDate: '2015-03-02',
  admittedOn: '2026-11-20',
  parentsUnknown: false,
  hukouRegistered: true,
  disabled: false,
  hukouAddress: '隆安县城厢镇某街道集体户',
  inSchool: true,
  schoolName: '隆安县第一小学',
  studentRecordNumber: 'G450123201503021234',
};
const now = new Date('2026-11-20T02:00:00Z');
const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues!.map((i) => i.path);
    throw err;
  }
  return [];
};

describe('[matrix] workflow-bound task types', () => {
  it('are hukou migration and the school-record transfer (transfer), the placement tasks (coming of age), on fields their input has', () => {
    const bound = taskTypes.filter((t) => t.contract.workflow);
    expect(bound.map((t) => [t.contract.type, t.contract.workflow!.name])).toEqual([
      [schoolRecordTransferV1.type, 'transfer'],
      [hukouMigrationV1.type, 'transfer'],
      ['public-security.placement-hukou', 'coming-of-age'],
      ['housing.public-rental-housing', 'coming-of-age'],
      ['conscription.priority-enlistment', 'coming-of-age'],
      ['civil-affairs.special-hardship-recognition', 'coming-of-age'],
    ]);
    for (const { contract } of bound) {
      const fields = Object.keys((contract.input as z.ZodMiniObject).shape);
      expect(fields).toEqual(expect.arrayContaining([...contract.workflow!.boundInput]));
    }
  });

  it('are never opened by an admission rule', () => {
    expect(admissionRules().length).toBeGreaterThan(0);
    for (const { contract } of admissionRules()) expect(contract.workflow, contract.type).toBeUndefined();
    for (const { contract } of taskTypes) if (contract.workflow) expect(contract.admission, contract.type).toBeUndefined();
  });

  it('are refused without their workflow, and refuse the fields it owns in free input', () => {
    const byHand = (input: Record<string, unknown>) => () =>
      buildTaskItems({ institution: county, child }, [{ type: hukouMigrationV1.type, input }], { by: 'staff:MPC-450123' }, now);
    expect(issuesOf(byHand({ fromHukouAddress: '某地', toInstitutionId: 'CWI-451400' }))).toEqual(['type']);
    const workflow = { name: 'transfer' as const, input: { toInstitutionId: 'CWI-450100' } };
    const overridden = () =>
      buildTaskItems(
        { institution: county, child },
        [{ type: hukouMigrationV1.type, input: { toInstitutionId: 'CWI-451400', toHukouAddress: '崇左市某地' }, workflow }],
        { by: 'staff:MPC-450123' },
        now,
      );
    expect(issuesOf(overridden)).toEqual(['input.toInstitutionId', 'input.toHukouAddress']);
    expect(boundInputIssues(findTaskType(preEnrollmentV1.type)!.contract, { toInstitutionId: 'x' }, 'input')).toEqual([]);
  });

  it('take the destination from the transfer, and read the child’s facts again rather than keep them', () => {
    const specs = transferTasks(child, [], { decision: 'migrate' }, 'CWI-450100');
    const tasks = buildTaskItems({ institution: county, child }, specs, { by: 'staff:MPC-450123' }, now);
    expect(tasks.map((t) => [t.type, (t.request as { toInstitutionId: string }).toInstitutionId])).toEqual([
      [hukouMigrationV1.type, 'CWI-450100'],
      [schoolRecordTransferV1.type, 'CWI-450100'],
    ]);
    // The hukou address and the school are facts of the child: a correction later reaches the request.
    expect(tasks.map((t) => t.input)).toEqual([{ toInstitutionId: 'CWI-450100' }, { toInstitutionId: 'CWI-450100' }]);
  });
});
