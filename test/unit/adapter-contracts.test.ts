// An adapter checks each envelope against its own department's contracts (the ones its module passes in, not the
// topology's registry: services/adapters/adapter.ts), so its bundle carries no other department's. A message of one
// of its own types with a request the contract accepts goes on (here to the task lookup, which finds no task); one
// naming another department's type, an unknown version, or a request its contract refuses is not delivered.
import { readFileSync } from 'node:fs';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { loadAdapter } from '../../scripts/departments/modules.ts';
import { deliverRecord, type AdapterConfig } from '../../services/adapters/adapter.ts';
import { departments, taskTypes, taskTypesOf } from '../../services/topology.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

vi.mock('../../services/state/tasks.ts', async (original) => ({ ...(await original<object>()), getTask: async () => undefined }));

const config: AdapterConfig = { secret: async () => 's', maxReceiveCount: 5, retryBaseSeconds: 1 };
const TASK = 'CH01HYKQ6Z8P3V9W2X4Y5Z6A7B8C.T01HYKQ6Z8P3V9W2X4Y5Z6A7B8D';

const exampleRequest = (c: TaskTypeContract): unknown =>
  JSON.parse(readFileSync(`contracts/${c.department}/examples/${c.type.slice(c.department.length + 1)}.v${c.version}.json`, 'utf8')).request;

function record(c: Pick<TaskTypeContract, 'type' | 'version'>, department: string, data: unknown): SQSRecord {
  const envelope = {
    specversion: '1.0',
    id: TASK,
    source: 'child-welfare-hub',
    type: `${c.type}.v${c.version}`,
    subject: TASK.split('.')[0],
    time: '2026-06-01T10:00:00+08:00',
    dataschema: 'x',
    taskid: TASK,
    department,
    data,
  };
  return { messageId: 'm1', body: JSON.stringify(envelope), attributes: { ApproximateReceiveCount: '1' } } as unknown as SQSRecord;
}

describe.each(departments.map((d) => [d.code]))('%s adapter', (code) => {
  it('takes its own task types with a request their contract accepts', async () => {
    const { adapter } = await loadAdapter(code);
    for (const { contract } of taskTypesOf(code)) {
      await expect(deliverRecord(adapter, config, record(contract, code, exampleRequest(contract)))).rejects.toThrow(`task ${TASK} does not exist`);
    }
  });

  it("refuses another department's type, an unknown version and a request its contract refuses", async () => {
    const { adapter } = await loadAdapter(code);
    const own = taskTypesOf(code)[0]!.contract;
    const other = taskTypes.find((t) => t.contract.department !== code)!.contract;
    const refused = (r: SQSRecord, type: string) => expect(deliverRecord(adapter, config, r)).rejects.toThrow(`does not match the ${type} contract`);
    await refused(record(other, code, exampleRequest(other)), `${other.type}.v${other.version}`);
    await refused(record({ type: own.type, version: own.version + 1 }, code, exampleRequest(own)), `${own.type}.v${own.version + 1}`);
    await refused(record(own, code, {}), `${own.type}.v${own.version}`);
    await refused(record(own, other.department, exampleRequest(own)), `${own.type}.v${own.version}`);
  });
});
