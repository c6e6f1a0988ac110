import { describe, expect, it } from 'vitest';
import { taskEnvelope } from '../../../services/dispatch/envelope.ts';
import { fromWire, toWire } from '../../../services/departments/medical-insurance/mapping.ts';
import { taskView } from '../helpers.ts';

const request = {
  childId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ',
  name: '测试儿童',
  gender: 'female' as const,
  birthDate: '2024-03-01',
  idNumber: '11010519491231002X',
  institutionId: 'CWI-450100',
  admittedOn: '2026-11-20',
  subsidyCategory: 'orphan' as const,
};
const task = taskView({
  type: 'medical-insurance.pre-enrollment',
  contractVersion: 1,
  department: 'medical-insurance',
  subjectId: request.childId,
  deadline: '2026-11-27T23:59:59+08:00',
  request,
});

describe('medical insurance wire mapping', () => {
  it('maps the contract to the bureau codes', () => {
    const wire = toWire(taskEnvelope(task, '2026-11-20T02:00:00.000Z'));
    expect(wire.msgid).toBe(task.taskId);
    expect(wire.input).toMatchObject({ psn_name: '测试儿童', gend: '2', brdy: '2024-03-01', psn_cert_type: '01', certno: request.idNumber, subsidy_type: '11', insutype: '390' });
  });

  it('marks a child without an identity number with the "other" certificate type', () => {
    const { idNumber: _, ...noId } = request;
    const wire = toWire(taskEnvelope({ ...task, request: noId }, '2026-11-20T02:00:00.000Z'));
    expect(wire.input.psn_cert_type).toBe('99');
    expect(wire.input).not.toHaveProperty('certno');
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const subsidyCategory of ['orphan', 'factually-unsupported', 'none'] as const) {
      const r = { ...request, subsidyCategory };
      const back = fromWire(toWire(taskEnvelope({ ...task, request: r }, '2026-11-20T02:00:00.000Z')));
      expect(back).toEqual({ taskId: task.taskId, type: task.type, request: r });
    }
  });

  it('refuses a body that is not its format', () => {
    expect(() => fromWire({ infno: 'OTHER' })).toThrow();
  });
});
