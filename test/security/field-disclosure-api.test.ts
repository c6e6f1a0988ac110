// Field-level disclosure through the hub, for every task type of the topology: a task of each type is opened for a
// child with every fact the hub holds (built as the hub builds it, its workflow's bound input given as the workflow
// would), dispatched through its department's queue and adapter, and what reaches the department holds no child
// fact outside the type's allow-list: the pushed body (each department pushed to an endpoint of this test), its
// inbox item and its task read (GET /v1/tasks/{taskId}).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentCode } from '../../contracts/common.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import type { ExternalDepartments } from '../../scripts/local/external-departments.ts';
import { boundInputIssues, buildTaskItems } from '../../services/cases/open-tasks.ts';
import { sendTasks } from '../../services/dispatch/send.ts';
import { putAllNew } from '../../services/state/tasks.ts';
import { departments, taskTypes } from '../../services/topology.ts';
import { eventually, useHub } from '../helpers/hub.ts';
import { everyFactCase, everyFactInput, undeclared } from './disclosure-facts.ts';

const pushed = new Map<string, string>();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    pushed.set(String(req.headers['idempotency-key']), Buffer.concat(chunks).toString('utf8'));
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"received":true}');
  });
});
const external: ExternalDepartments = {};
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const d of departments) external[d.code] = { push: `${url}/${d.code}` };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hub = useHub({ simulators: false, external });

/** One task of the type, for the every-fact child (or its institution), as its opener would build it. */
function openOne(contract: TaskTypeContract) {
  const input = everyFactInput(contract) as Record<string, unknown>;
  const workflow = contract.workflow;
  const own = workflow ? Object.fromEntries(Object.entries(input).filter(([k]) => !workflow.boundInput.includes(k as never))) : input;
  expect(boundInputIssues(contract, own, 'input')).toEqual([]);
  const spec = { type: contract.type, input: own, ...(workflow ? { workflow: { name: workflow.name, input } } : {}) };
  return buildTaskItems(everyFactCase(contract), [spec], { by: 'staff:CWI-450100' }, new Date())[0]!;
}

describe('[disclosure] what reaches a department, through the hub', () => {
  it('every task type: the pushed body, the inbox item and the task read hold only its allow-list', async () => {
    const tasks = taskTypes.map((t) => ({ contract: t.contract, item: openOne(t.contract) }));
    await putAllNew(tasks.map((t) => t.item));
    await sendTasks(tasks.map((t) => t.item));
    const leaks: Record<string, Record<string, string[]>> = {};
    for (const { contract, item } of tasks) {
      const as = `department:${contract.department}`;
      const body = await eventually(async () => pushed.get(item.taskId), 30_000, `the push of ${contract.type}`);
      const read = await hub().call('GET', `/v1/tasks/${item.taskId}`, { as });
      expect(read.status).toBe(200);
      const inbox = await hub().call('GET', `/v1/departments/${contract.department}/tasks?limit=100`, { as });
      const listed = inbox.body.items.find((i: { taskId: string }) => i.taskId === item.taskId);
      expect(listed, `${contract.type} in its department's inbox`).toBeDefined();
      const found = {
        push: undeclared(contract, JSON.parse(body), false),
        inbox: undeclared(contract, listed.request, true),
        read: undeclared(contract, read.body.request, true),
        // The staff's input and the child's other facts stay inside, whatever the request carries.
        views: [listed, read.body].flatMap((v) => Object.keys(v).filter((k) => ['input', 'inputFacts', 'history', 'institutionId'].includes(k))),
      };
      if (Object.values(found).some((l) => l.length)) leaks[contract.type] = found;
    }
    expect(leaks).toEqual({});
    expect(new Set(tasks.map((t) => t.contract.department as DepartmentCode)).size).toBe(departments.length);
    console.log(`[disclosure] ${tasks.length} task types of ${departments.length} departments: push, inbox and task read checked, 0 leaks`);
  });
});
