// The worked example of docs/adding-a-department.md (housing, 住建) is real code: it type-checks, and its
// contract, mapping and simulator fit together. Activating it is copying the files into place and one
// topology entry; nothing else lists departments (checked below).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { publicRentalHousingV1 as contract } from '../../docs/examples/housing/public-rental-housing.v1.ts';
import { fromWire, toWire } from '../../docs/examples/housing/mapping.ts';
import { simulator } from '../../docs/examples/housing/simulator.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import type { TaskView } from '../../contracts/api/views.ts';

const child = {
  childId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ',
  institutionId: 'CWI-450100',
  name: '测试',
  gender: 'female' as const,
  birthDate: '2008-01-01',
  admittedOn: '2010-01-01',
  idNumber: '11010519491231002X',
  parentsUnknown: false,
  hukouRegistered: true,
  disabled: false,
};
const institution = { institutionId: 'CWI-450100', kind: 'city-welfare' as const, name: '南宁市儿童福利院', cityCode: '450100' };

describe('a sixth department, housing (worked example)', () => {
  it('builds, maps and simulates a task that satisfies its own contract', () => {
    const request = contract.request.parse(contract.buildRequest({ institution, child }, {}));
    const task = { taskId: `${child.childId}.T01JDABCDEFGHJKMNPQRSTVWXYZ`, type: contract.type, contractVersion: 1, department: 'housing', subjectId: child.childId, deadline: '2026-12-01T23:59:59+08:00', request } as unknown as TaskView;
    const wire = toWire(taskEnvelope(task, '2026-11-28T00:00:00.000Z'));
    expect(wire.sqr.sfzh).toBe(child.idNumber);
    const back = fromWire(wire);
    expect(back.request).toEqual(request);
    const result = contract.result.parse(simulator.results[contract.type]!(request, '2026-11-28'));
    expect(contract.checkResult!(result, request)).toEqual([]);
    expect(contract.checkResult!({ approved: false }, request)).toEqual([{ path: 'result.reason', message: 'a refusal gives its reason' }]);
  });

  it('needs no file but the topology to list it: department codes appear nowhere else in the code', () => {
    const files = execFileSync('git', ['ls-files', 'services', 'contracts', 'infra', 'scripts'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !/^((services|scripts)\/departments|contracts\/(education|fire-rescue|public-security|medical-insurance|disability-federation))\//.test(f));
    const listing = files.filter((f) => /['"]fire-rescue['"]/.test(readFileSync(f, 'utf8')));
    expect(listing).toEqual(['services/topology.ts']);
  });
});
