// 户口迁移（成年安置） (public-security.placement-hukou v1): the contract's allow-list and rule, the police's wire both ways,
// and the simulator's answer, which the contract accepts and which establishes the new hukou.
import { describe, expect, it } from 'vitest';
import { placementHukouV1 } from '../../../contracts/public-security/placement-hukou.v1.ts';
import { simulator } from '../../../scripts/departments/public-security/simulator.ts';
import { effectiveChild } from '../../../services/cases/facts.ts';
import { fromWire, toWire } from '../../../services/departments/public-security/mapping.ts';
import { CHILD_ID, childCase, FEMALE_ID } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY, taskView } from '../helpers.ts';

const c = placementHukouV1;
const taskId = taskIdOf(CHILD_ID);
const facts = childCase({ hukouRegistered: true, hukouAddress: '广西壮族自治区南宁市儿童福利院集体户', hukouRegistrationNumber: '450100901' });
const home = { fromHukouAddress: '广西壮族自治区南宁市儿童福利院集体户', hukouRegistrationNumber: '450100901', toCountyCode: '450103', toAddress: '南宁市青秀区新竹街道竹溪社区', villageOrCommunity: '竹溪社区' };
const institution = { toCountyCode: '450102', toAddress: '南宁市江南区福利路1号', welfareInstitutionName: '南宁市社会福利院' };
const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

describe('public security: hukou to the place of placement (户口迁移（成年安置）, HKAZ)', () => {
  it('the request carries identity, the hukou it leaves and the destination; no school, disability or capacities', () => {
    const request = c.request.parse(c.buildRequest(facts, c.input.parse(home)));
    expect(request).toEqual({
      childId: CHILD_ID, name: '党小晴', gender: 'female', birthDate: '2015-03-01', idNumber: FEMALE_ID,
      fromInstitutionId: 'CWI-450100', ...home,
    });
    expect(JSON.stringify(request)).not.toMatch(/disab|school|labour|selfCare|foundling|orphan/i);
  });

  it('refuses input without a destination, naming the field', () => {
    const out = c.input.safeParse({ toCountyCode: '450103' });
    expect(out.success ? [] : out.error.issues.map((i) => i.path.join('.'))).toEqual(['toAddress']);
  });

  it('maps to the population system’s fields and back to exactly the request', () => {
    for (const input of [home, institution]) {
      const request = c.buildRequest(facts, c.input.parse(input));
      const wire = wireOf(request);
      expect(wire).toMatchObject({ ywlb: 'HKAZ', sqbh: taskId, sqsj: TIME, bjqx: DEADLINE, ryxx: { xm: '党小晴', gmsfhm: FEMALE_ID } });
      expect(fromWire(wire)).toEqual({ taskId, type: c.type, request });
    }
    expect(wireOf(c.buildRequest(facts, c.input.parse(home))).ywxx).toEqual({
      qcjgdm: 'CWI-450100', qchjdz: home.fromHukouAddress, hh: '450100901', qrxzqh: '450103', qrdz: home.toAddress, qrcsq: '竹溪社区',
    });
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(c.buildRequest(facts, c.input.parse(home)));
    expect(() => fromWire(altered(good, (w) => delete w.ywxx.qrdz))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywxx.sfcj = '1')))).toThrow(/sfcj/);
  });

  it('simulator: the community address, or the welfare institution’s collective household; the hukou is established', () => {
    const answer = (input: object) => {
      const request = c.buildRequest(facts, c.input.parse(input));
      return c.result.parse(simulator.results[c.type]!(request, TODAY));
    };
    expect(answer(home)).toMatchObject({ newHukouAddress: home.toAddress, migratedOn: TODAY });
    expect(answer(institution)).toMatchObject({ newHukouAddress: '南宁市社会福利院集体户' });
    const request = c.buildRequest(facts, c.input.parse(home));
    const done = taskView({ type: c.type, contractVersion: 1, department: c.department, subjectId: CHILD_ID, request, status: 'completed', result: answer(home) });
    expect(effectiveChild(facts.child!, [done])).toMatchObject({ hukouAddress: home.toAddress });
  });
});
