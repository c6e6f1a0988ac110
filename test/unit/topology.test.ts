import { existsSync, readdirSync } from 'node:fs';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { describe, expect, it } from 'vitest';
import { adapterEntry, departments, functions, routes, taskTypes, taskTypesByDepartment, taskTypesOf } from '../../services/topology.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';

describe('topology', () => {
  it('lists every department whose contracts the repository holds, each with its adapter and every task type of its contracts', async () => {
    // A department is a folder of contracts with an index (docs/adding-a-department.md); api/, generated/ and published/ are not.
    const folders = readdirSync('contracts', { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(`contracts/${e.name}/index.ts`)).map((e) => e.name);
    expect(departments.map((d) => d.code).sort()).toEqual(folders.sort());
    for (const d of departments) {
      expect(existsSync(adapterEntry(d.code)), adapterEntry(d.code)).toBe(true);
      const index: Record<string, unknown> = await import(`../../contracts/${d.code}/index.ts`);
      const lists = Object.entries(index).filter(([name]) => name.endsWith('TaskTypes'));
      expect(lists, `contracts/${d.code}/index.ts exports one list of task types`).toHaveLength(1);
      const declared = (lists[0]![1] as TaskTypeContract[]).map((c) => `${c.type}.v${c.version}`);
      expect(taskTypesOf(d.code).map((t) => `${t.contract.type}.v${t.contract.version}`).sort()).toEqual(declared.sort());
    }
  });

  it('gives every department its task types, and none to a code that is not a department', () => {
    expect(Object.keys(taskTypesByDepartment).sort()).toEqual(departments.map((d) => d.code).sort());
    for (const d of departments) expect(taskTypesOf(d.code).length, d.code).toBeGreaterThan(0);
    expect(taskTypesOf('no-such-department')).toEqual([]);
    // Listed in the departments' order, so the generated documents keep theirs.
    expect(taskTypes).toEqual(departments.flatMap((d) => taskTypesByDepartment[d.code]));
  });

  it('files every task type under the department that carries it, once', () => {
    for (const d of departments) for (const t of taskTypesOf(d.code)) expect(t.contract.department).toBe(d.code);
    const ids = taskTypes.map((t) => t.contract.type);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of taskTypes) expect(t.deadlineWorkingDays).toBeGreaterThan(0);
  });

  it('names function entries that exist', () => {
    for (const f of Object.values(functions)) expect(existsSync(f.entry), f.entry).toBe(true);
  });

  it('has one route per method and path, all under /v1', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of routes) expect(r.path.startsWith('/v1/')).toBe(true);
    expect(routes.filter((r) => !r.auth).map((r) => r.path)).toEqual(['/v1/health', '/v1/openapi.json']);
  });
});

describe('task type versions', () => {
  it('finds a task type by its version, and the newest one when none is given', async () => {
    const { findTaskType, taskTypes } = await import('../../services/topology.ts');
    const v1 = findTaskType(preEnrollmentV1.type, 1)!;
    expect(v1.contract.version).toBe(1);
    expect(findTaskType(preEnrollmentV1.type, 2)).toBeUndefined();
    // A second major beside the first: new tasks get it, old tasks keep theirs.
    const v2 = { ...v1, contract: { ...v1.contract, version: 2 } };
    taskTypes.push(v2);
    try {
      expect(findTaskType(preEnrollmentV1.type)).toBe(v2);
      expect(findTaskType(preEnrollmentV1.type, 1)).toBe(v1);
    } finally {
      taskTypes.pop();
    }
  });
});
