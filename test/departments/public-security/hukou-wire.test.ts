// The police's wire format for the hukou: registration (落户) and migration (户口迁移), both ways.
import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../../contracts/common.ts';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { genderOfIdNumber } from '../../../contracts/public-security/fields.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';
import { fromWire, toWire } from '../../../services/departments/public-security/mapping.ts';
import { simulator } from '../../../scripts/departments/public-security/simulator.ts';
import { CHILD_ID, childCase, countyInstitution, FEMALE_ID, fullChild } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

const taskId = taskIdOf(CHILD_ID);
const head = { sqbh: taskId, sqsj: TIME, bjqx: DEADLINE };
const CERT = fullChild.foundlingCertificateNumber!;
/** Nothing about schooling, disability or benefits reaches the police, whatever the task. */
const NOT_FOR_POLICE = /xjh|xxmc|school|sfcj|disab|cjlb|cjdj|rehab|subsidy|insur|orphan/i;

describe('public security wire: hukou registration (落户, HKLH)', () => {
  const c = hukouRegistrationV1;
  const full = c.buildRequest(childCase({ idNumber: undefined }), {});
  const bare = c.buildRequest(
    childCase({ idNumber: undefined, foundlingCertificateNumber: undefined, parentsUnknown: false, gender: 'male' }),
    {},
  );
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the population system’s fields and the yes/no code of 父母不详', () => {
    expect(wireOf(full)).toEqual({
      ywlb: 'HKLH',
      ...head,
      ryxx: { hub_child_id: CHILD_ID, xm: '党小晴', xb: '2', csrq: '20150301' },
      ywxx: { jgdm: 'CWI-450100', jgmc: '南宁市儿童福利院', ryrq: '20240520', fmbx: '1', jsbazmbh: CERT },
    });
    expect(wireOf(bare)).toMatchObject({
      ryxx: { xb: '1' },
      ywxx: { jgdm: 'CWI-450100', jgmc: '南宁市儿童福利院', ryrq: '20240520', fmbx: '0' },
    });
    expect(wireOf(bare).ywxx).not.toHaveProperty('jsbazmbh');
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, bare]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'public-security.hukou-registration', request });
    }
  });

  it('carries no school, disability or benefit fields, and no identity number (the request has none)', () => {
    const json = JSON.stringify(wireOf(full));
    expect(json).not.toMatch(NOT_FOR_POLICE);
    expect(json).not.toContain('gmsfhm');
  });

  it('refuses an envelope whose data does not match the contract', () => {
    expect(() => wireOf({ ...full, idNumber: FEMALE_ID })).toThrow(/idNumber/);
    expect(() => wireOf({ ...full, disabled: true })).toThrow(/disabled/);
    expect(() => wireOf({ ...full, parentsUnknown: 'yes' })).toThrow(/parentsUnknown/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    // An identity number the registration request cannot carry.
    expect(() => fromWire(altered(good, (w) => (w.ryxx.gmsfhm = FEMALE_ID)))).toThrow(/idNumber/);
    expect(() => fromWire(altered(good, (w) => (w.ywxx.fmbx = '2')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywxx.xjh = 'G1')))).toThrow(/xjh/);
    expect(() => fromWire(altered(good, (w) => delete w.ywxx.ryrq))).toThrow();
  });

  it('simulator: the collective household, and an identity number of the child’s gender and birth date', () => {
    for (const request of [full, bare]) {
      const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(request)).request, TODAY));
      expect(result).toMatchObject({
        hukouRegistrationNumber: '450100901',
        address: '广西壮族自治区南宁市儿童福利院集体户',
        registeredOn: TODAY,
      });
      const id = result.idNumber!;
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.slice(0, 6)).toBe('450100');
      expect(id.slice(6, 14)).toBe(request.birthDate.replaceAll('-', ''));
      expect(genderOfIdNumber(id)).toBe(request.gender);
      expect(c.checkResult!(result, request)).toEqual([]);
    }
  });
});

describe('public security wire: hukou migration (户口迁移, HKQY)', () => {
  const c = hukouMigrationV1;
  const input = {
    fromHukouAddress: '广西壮族自治区隆安县未成年人救助保护中心集体户',
    hukouRegistrationNumber: '450123901',
    toInstitutionId: 'CWI-450100',
    toHukouAddress: '南宁市西乡塘区福利路1号集体户',
  };
  const full = c.buildRequest(childCase({}, countyInstitution), c.input.parse(input));
  const bare = c.buildRequest(
    childCase({ idNumber: undefined }, countyInstitution),
    c.input.parse({ fromHukouAddress: input.fromHukouAddress, toInstitutionId: input.toInstitutionId }),
  );
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps both ends of the migration to the population system’s fields', () => {
    expect(wireOf(full)).toEqual({
      ywlb: 'HKQY',
      ...head,
      ryxx: { hub_child_id: CHILD_ID, xm: '党小晴', xb: '2', csrq: '20150301', gmsfhm: FEMALE_ID },
      ywxx: {
        qchjdz: input.fromHukouAddress,
        hh: '450123901',
        qrjgdm: 'CWI-450100',
        qrdz: input.toHukouAddress,
      },
    });
    expect(wireOf(bare).ywxx).toEqual({ qchjdz: input.fromHukouAddress, qrjgdm: 'CWI-450100' });
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, bare]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'public-security.hukou-migration', request });
    }
  });

  it('carries no school, disability or benefit fields', () => {
    expect(JSON.stringify(wireOf(full))).not.toMatch(NOT_FOR_POLICE);
  });

  it('refuses an envelope whose data does not match the contract', () => {
    const { fromHukouAddress: _, ...noFrom } = full;
    expect(() => wireOf(noFrom)).toThrow(/fromHukouAddress/);
    expect(() => wireOf({ ...full, toInstitutionId: '450100' })).toThrow(/toInstitutionId/);
    // A DNA comparison request under the migration type.
    expect(() => wireOf(dnaComparisonV1.buildRequest(childCase(), {}))).toThrow();
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => delete w.ywxx.qrjgdm))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywxx.qrjgdm = 'CWI-4501')))).toThrow(/toInstitutionId/);
    expect(() => fromWire(altered(good, (w) => (w.ywxx.qchjdz = '  ')))).toThrow(/fromHukouAddress/);
  });

  it('simulator: migrated to the receiving institution’s collective household', () => {
    const given = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(full)).request, TODAY));
    expect(given).toEqual({
      outcome: 'migrated',
      newHukouAddress: input.toHukouAddress,
      newHukouRegistrationNumber: '450100901',
      migratedOn: TODAY,
    });
    expect(c.checkResult!(given, full)).toEqual([]);
    const derived = c.result.parse(simulator.results[c.type]!(bare, TODAY));
    expect(derived).toMatchObject({ outcome: 'migrated', newHukouAddress: '广西壮族自治区南宁市儿童福利院集体户' });
    expect(c.checkResult!(derived, bare)).toEqual([]);
  });
});

