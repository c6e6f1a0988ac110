// Field-level disclosure, for every task type of the topology (not a sample): the request built from a child with
// every fact the hub holds, the envelope the department's queue carries and the body its adapter pushes hold no
// child fact outside the type's `discloses` allow-list, by field name (the request) and by value (any shape,
// the department's own wire format included). The API side (inbox, task read) is field-disclosure-api.test.ts.
import { describe, expect, it } from 'vitest';
import type { ChildFact } from '../../contracts/task-roles.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import { taskTypes } from '../../services/topology.ts';
import { loadMapping } from '../../scripts/departments/modules.ts';
import { childFactNames, everyFactCase, everyFactChild, everyFactInput, undeclared } from './disclosure-facts.ts';

const label = (c: TaskTypeContract) => `${c.type}.v${c.version}`;
const all = taskTypes.map((t) => [label(t.contract), t.contract] as const);

function opened(contract: TaskTypeContract) {
  const request = contract.request.parse(contract.buildRequest(everyFactCase(contract), everyFactInput(contract) as never));
  const subjectId = contract.subject === 'child' ? everyFactChild.childId : everyFactCase(contract).institution.institutionId;
  const task = {
    taskId: `${subjectId}.T01JD${'0'.repeat(22)}`,
    type: contract.type,
    contractVersion: contract.version,
    department: contract.department,
    subjectId,
    deadline: '2026-12-31T16:00:00.000Z',
    request,
  };
  return { request, envelope: taskEnvelope(task as Parameters<typeof taskEnvelope>[0], '2026-12-01T08:00:00.000Z') };
}

describe('[disclosure] every task type discloses only its allow-list', () => {
  it('every task type declares its allow-list, of facts the hub holds', () => {
    expect(all.filter(([, c]) => !Array.isArray(c.discloses)).map(([l]) => l)).toEqual([]);
    for (const [, c] of all) expect(c.discloses.filter((f) => !childFactNames.includes(f))).toEqual([]);
  });

  it.each(all)('%s: the request, its envelope and the pushed body', async (_, contract) => {
    const { request, envelope } = opened(contract);
    expect(undeclared(contract, request, true), 'request').toEqual([]);
    // The envelope adds its own fields (ids, type, time, deadline) and no fact of the child.
    expect(Object.keys(envelope).filter((k) => childFactNames.includes(k as ChildFact))).toEqual([]);
    expect(undeclared(contract, envelope, false), 'envelope').toEqual([]);
    const wire = (await loadMapping(contract.department)).toWire(envelope);
    expect(undeclared(contract, wire, false), 'pushed body').toEqual([]);
    // The allow-list is not wider than the request: each fact it names is one the request carries.
    const carried = contract.discloses.filter((f) => f in (request as object) || JSON.stringify(request).includes(String(everyFactChild[f])));
    expect(carried).toEqual([...contract.discloses]);
  });

  const types = (department: string) => all.filter(([, c]) => c.department === department);
  const medical: ChildFact[] = ['disabled', 'disabilityCategory', 'disabilityGrade', 'disabilityCertificateNumber'];
  const school: ChildFact[] = ['inSchool', 'schoolName', 'studentRecordNumber'];

  it('no medical field ever reaches fire rescue, no school field public security', async () => {
    expect(types('fire-rescue').length).toBeGreaterThan(0);
    expect(types('public-security').length).toBeGreaterThan(0);
    for (const [department, facts] of [['fire-rescue', medical], ['public-security', school]] as const) {
      for (const [l, c] of types(department)) {
        const { request, envelope } = opened(c);
        const wire = JSON.stringify((await loadMapping(department)).toWire(envelope));
        expect(c.discloses.filter((f) => facts.includes(f)), l).toEqual([]);
        expect(Object.keys(request as object).filter((k) => facts.includes(k as ChildFact)), l).toEqual([]);
        const values = facts.map((f) => everyFactChild[f]).filter((v): v is string => typeof v === 'string');
        expect(values.filter((v) => wire.includes(v)), l).toEqual([]);
      }
    }
  });
});
