import { describe, expect, it } from 'vitest';
import { gb11643CheckChar } from '../../../contracts/common.ts';
import { schoolPlacementV1 } from '../../../contracts/education/school-placement.v1.ts';
import { schoolRecordTransferV1 } from '../../../contracts/education/school-record-transfer.v1.ts';
import { fromWire, toWire } from '../../../services/departments/education/mapping.ts';
import { simulator } from '../../../scripts/departments/education/simulator.ts';
import { CHILD_ID, childCase, childValues, countyInstitution, FEMALE_ID, leakedValues } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

const taskId = taskIdOf(CHILD_ID);
/** Nothing of the hukou, police, guardianship or medical facts may reach education. */
const notForEducation = {
  admittedOn: childValues.admittedOn,
  foundlingCertificateNumber: childValues.foundlingCertificateNumber,
};

const isValidJNumber = (n: string) => /^J\d{17}[\dX]$/.test(n) && gb11643CheckChar(n.slice(1, 18)) === n[18];

describe('education wire: school placement (入学安置, RXAZ)', () => {
  const c = schoolPlacementV1;
  const full = c.buildRequest(childCase(), c.input.parse({ level: 'primary', grade: 4 }));
  const bare = c.buildRequest(childCase({ idNumber: undefined, disabled: false, gender: 'male' }), c.input.parse({}));
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the record system’s fields and codes', () => {
    expect(wireOf(full)).toEqual({
      ywlx: 'RXAZ',
      lsh: taskId,
      sqsj: TIME,
      blqx: DEADLINE,
      xsxx: { hub_child_id: CHILD_ID, xm: '党小晴', xbm: '2', csrq: '2015-03-01', sfzjlx: '1', sfzjh: FEMALE_ID },
      rxxx: { jzjgdm: 'CWI-450100', jzjgmc: '南宁市儿童福利院', sfcj: '1', xd: '2', nj: 4 },
    });
  });

  it('marks a child without an identity number with document type Z and sends what the request lacks as absent', () => {
    const wire = wireOf(bare);
    expect(wire.xsxx).toEqual({ hub_child_id: CHILD_ID, xm: '党小晴', xbm: '1', csrq: '2015-03-01', sfzjlx: 'Z' });
    expect(wire).toHaveProperty('rxxx', { jzjgdm: 'CWI-450100', jzjgmc: '南宁市儿童福利院', sfcj: '0' });
  });

  it('maps every level to its 学段 code', () => {
    const codes = (['kindergarten', 'primary', 'junior-secondary', 'senior-secondary'] as const).map((level) => {
      const wire = wireOf({ ...bare, level });
      return wire.ywlx === 'RXAZ' ? wire.rxxx.xd : undefined;
    });
    expect(codes).toEqual(['1', '2', '3', '4']);
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, bare, { ...bare, level: 'kindergarten' as const, grade: 3 }]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'education.school-placement', request });
    }
  });

  it('adds nothing the request does not carry (field-level minimisation)', () => {
    const wire = wireOf(full);
    expect(leakedValues(wire, notForEducation)).toEqual([]);
    expect(JSON.stringify(wire)).not.toMatch(/hukou|hjdz|jsbazm|ryrq/i);
  });

  it('refuses an envelope whose data does not match the contract', () => {
    expect(() => wireOf({ ...full, hukouAddress: '南宁市' })).toThrow(/hukouAddress/);
    const { name: _, ...noName } = full;
    expect(() => wireOf(noName)).toThrow(/name/);
    expect(() => wireOf({ ...full, grade: 7 })).toThrow(/grade/);
    expect(() => wireOf({ ...full, idNumber: '450102201503010021' })).toThrow(/idNumber/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire({})).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywlx = 'RXXX')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.xsxx.xbm = '9')))).toThrow();
    expect(() => fromWire(altered(good, (w) => delete w.xsxx.sfzjh))).toThrow(/sfzjh/);
    expect(() => fromWire(altered(good, (w) => (w.rxxx.hkdz = '南宁市')))).toThrow(/hkdz/);
    expect(() => fromWire(altered(good, (w) => (w.xsxx.hkszd = '隆安县')))).toThrow(/hkszd/);
    expect(() => fromWire(altered(good, (w) => (w.jsbazmbh = 'x')))).toThrow(/jsbazmbh/);
    expect(() => fromWire(altered(good, (w) => (w.xsxx.hub_child_id = 'CH1')))).toThrow(/childId/);
    expect(() => fromWire(altered(good, (w) => (w.xsxx.csrq = '2015-02-30')))).toThrow(/birthDate/);
  });

  it('simulator: special-education school for a disabled child, record number G + identity number', () => {
    const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(full)).request, TODAY));
    expect(result).toEqual({
      schoolName: '南宁市特殊教育学校',
      mode: 'special-education-school',
      studentRecordNumber: `G${FEMALE_ID}`,
      startDate: TODAY,
    });
    expect(c.checkResult!(result, full)).toEqual([]);
  });

  it('simulator: regular school of the age’s level, and a generated J number for a child without one', () => {
    const result = c.result.parse(simulator.results[c.type]!(bare, TODAY));
    expect(result.mode).toBe('regular-school');
    expect(result.schoolName).toBe('南宁市实验小学');
    expect(result.studentRecordNumber).toMatch(/^J45010020150301\d{3}[\dX]$/);
    expect(isValidJNumber(result.studentRecordNumber)).toBe(true);
    expect(c.checkResult!(result, bare)).toEqual([]);
    // Deterministic: the same child gets the same number on a redelivery.
    expect(simulator.results[c.type]!(bare, '2026-12-01')).toMatchObject({ studentRecordNumber: result.studentRecordNumber });
    const toddler = c.request.parse({ ...bare, birthDate: '2023-01-10' });
    expect(simulator.results[c.type]!(toddler, TODAY)).toMatchObject({ schoolName: '南宁市实验幼儿园' });
  });
});

describe('education wire: school record transfer (学籍转移, XJZY)', () => {
  const c = schoolRecordTransferV1;
  const input = { fromSchoolName: '隆安县城厢镇第一小学', studentRecordNumber: `G${FEMALE_ID}`, toInstitutionId: 'CWI-450100' };
  const full = c.buildRequest(childCase({}, countyInstitution), c.input.parse(input));
  const temporary = c.buildRequest(
    childCase({ idNumber: undefined }, countyInstitution),
    c.input.parse({ ...input, studentRecordNumber: 'L450123201503011234' }),
  );
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the record system’s transfer fields', () => {
    expect(wireOf(full)).toEqual({
      ywlx: 'XJZY',
      lsh: taskId,
      sqsj: TIME,
      blqx: DEADLINE,
      xsxx: { hub_child_id: CHILD_ID, xm: '党小晴', xbm: '2', csrq: '2015-03-01', sfzjlx: '1', sfzjh: FEMALE_ID },
      zxxx: { xjh: `G${FEMALE_ID}`, zcxxmc: '隆安县城厢镇第一小学', zrjgdm: 'CWI-450100' },
    });
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, temporary]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'education.school-record-transfer', request });
    }
  });

  it('adds nothing the request does not carry: no disability flag, no hukou, no admission', () => {
    const wire = wireOf(full);
    expect(leakedValues(wire, notForEducation)).toEqual([]);
    expect(JSON.stringify(wire)).not.toMatch(/sfcj|hukou|hjdz|jsbazm/i);
  });

  it('refuses an envelope whose data does not match the contract, and one of another type or department', () => {
    expect(() => wireOf({ ...full, studentRecordNumber: 'X123' })).toThrow(/studentRecordNumber/);
    expect(() => wireOf({ ...full, disabled: true })).toThrow(/disabled/);
    // A placement request sent as a transfer.
    const placement = schoolPlacementV1.buildRequest(childCase(), {});
    expect(() => wireOf(placement)).toThrow();
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { contractVersion: 2 }))).toThrow(/no wire mapping/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { type: 'education.school-lunch' }))).toThrow(/no wire mapping/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { department: 'public-security' }))).toThrow(/not for education/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => delete w.zxxx.xjh))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.zxxx.xjh = 'X123')))).toThrow(/studentRecordNumber/);
    expect(() => fromWire(altered(good, (w) => (w.zxxx.zrjgdm = '450100')))).toThrow(/toInstitutionId/);
    // A transfer body with the placement block.
    expect(() => fromWire(altered(good, (w) => (w.rxxx = { jzjgdm: 'CWI-450100', jzjgmc: 'x', sfcj: '0' })))).toThrow();
  });

  it('simulator: a formal number survives the transfer unchanged (一人一号、终身不变)', () => {
    for (const formal of [`G${FEMALE_ID}`, 'J450123201503010028']) {
      const request = c.request.parse({ ...full, studentRecordNumber: formal });
      const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(request)).request, TODAY));
      expect(result).toEqual({ newSchoolName: '南宁市实验学校', studentRecordNumber: formal, effectiveDate: TODAY });
      expect(c.checkResult!(result, request)).toEqual([]);
    }
  });

  it('simulator: a temporary L number is replaced by a formal one (G with an identity number, else J)', () => {
    const withId = c.request.parse({ ...temporary, idNumber: FEMALE_ID });
    expect(simulator.results[c.type]!(withId, TODAY)).toMatchObject({ studentRecordNumber: `G${FEMALE_ID}` });
    const result = c.result.parse(simulator.results[c.type]!(temporary, TODAY));
    expect(result.studentRecordNumber).toMatch(/^J45010020150301/);
    expect(isValidJNumber(result.studentRecordNumber)).toBe(true);
    expect(c.checkResult!(result, temporary)).toEqual([]);
  });
});
