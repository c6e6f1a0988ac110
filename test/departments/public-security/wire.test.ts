// The police's wire format for the foundling report (捡拾报案证明) and the DNA comparison (采血比对), both ways.
import { describe, expect, it } from 'vitest';
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { fromWire, toWire } from '../../../services/departments/public-security/mapping.ts';
import { simulator } from '../../../scripts/departments/public-security/simulator.ts';
import { CHILD_ID, childCase, FEMALE_ID, fullChild } from '../../contracts/fixtures.ts';
import { altered, DEADLINE, envelopeFor, taskIdOf, TIME, TODAY } from '../helpers.ts';

const taskId = taskIdOf(CHILD_ID);
const head = { sqbh: taskId, sqsj: TIME, bjqx: DEADLINE };
const CERT = fullChild.foundlingCertificateNumber!;
/** Nothing about schooling, disability or benefits reaches the police, whatever the task. */
const NOT_FOR_POLICE = /xjh|xxmc|school|sfcj|disab|cjlb|cjdj|rehab|subsidy|insur|orphan/i;

describe('public security wire: foundling report (捡拾报案证明, JSBA)', () => {
  const c = foundlingReportV1;
  const input = c.input.parse({
    foundPlace: '隆安县城厢镇汽车站候车室',
    foundCountyCode: '450123',
    foundOn: '2024-05-18',
    circumstances: '襁褓内有出生日期字条',
  });
  const full = c.buildRequest(childCase(), input);
  const { circumstances: _, ...noCircumstances } = input;
  const bare = c.buildRequest(childCase({ idNumber: undefined }), noCircumstances);
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the population system’s fields, dates as YYYYMMDD, gender 1/2', () => {
    expect(wireOf(full)).toEqual({
      ywlb: 'JSBA',
      ...head,
      ryxx: { hub_child_id: CHILD_ID, xm: '党小晴', xb: '2', csrq: '20150301', gmsfhm: FEMALE_ID },
      ywxx: {
        xszjgdm: 'CWI-450100',
        jsdd: '隆安县城厢镇汽车站候车室',
        jsdxzqh: '450123',
        jsrq: '20240518',
        jsjg: '襁褓内有出生日期字条',
      },
    });
    const male = wireOf(c.request.parse({ ...bare, gender: 'male' }));
    expect(male.ryxx).toEqual({ hub_child_id: CHILD_ID, xm: '党小晴', xb: '1', csrq: '20150301' });
    expect(male.ywxx).not.toHaveProperty('jsjg');
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, bare]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'public-security.foundling-report', request });
    }
  });

  it('carries no school, disability or benefit fields', () => {
    expect(JSON.stringify(wireOf(full))).not.toMatch(NOT_FOR_POLICE);
  });

  it('refuses an envelope whose data does not match the contract', () => {
    expect(() => wireOf({ ...full, studentRecordNumber: `G${FEMALE_ID}` })).toThrow(/studentRecordNumber/);
    const { foundOn: _f, ...noFoundOn } = full;
    expect(() => wireOf(noFoundOn)).toThrow(/foundOn/);
    expect(() => wireOf({ ...full, foundCountyCode: '45012' })).toThrow(/foundCountyCode/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => (w.ryxx.csrq = '2015-03-01')))).toThrow(/YYYYMMDD/);
    expect(() => fromWire(altered(good, (w) => (w.ywxx.jsrq = '20240231')))).toThrow(/foundOn/);
    expect(() => fromWire(altered(good, (w) => (w.ryxx.xb = '0')))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywlb = 'XXXX')))).toThrow();
    expect(() => fromWire(altered(good, (w) => delete w.ywxx.jsdd))).toThrow();
    // Fields the police system does not have are refused, not silently dropped.
    expect(() => fromWire(altered(good, (w) => (w.ryxx.xxmc = '城厢镇第一小学')))).toThrow(/xxmc/);
    expect(() => fromWire(altered(good, (w) => (w.cjxx = { cjlb: '5' })))).toThrow(/cjxx/);
  });

  it('simulator: a certificate issued today by the township station', () => {
    const request = fromWire(wireOf(full)).request;
    const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
    expect(result).toEqual({
      certificateNumber: expect.stringMatching(/^450123公捡字〔2026〕\d{4}号$/),
      issuedOn: TODAY,
      policeStation: '隆安县城厢镇派出所',
    });
    expect(c.checkResult!(result, full)).toEqual([]);
    expect(simulator.results[c.type]!(full, TODAY)).toEqual(result);
  });

  it('simulator: never dates the certificate before the child was found', () => {
    const request = c.request.parse({ ...full, foundOn: '2026-11-21', foundPlace: '南宁火车站' });
    const result = c.result.parse(simulator.results[c.type]!(request, TODAY));
    expect(result.issuedOn).toBe('2026-11-21');
    expect(result.policeStation).toMatch(/派出所$/);
    expect(c.checkResult!(result, request)).toEqual([]);
  });
});

describe('public security wire: DNA comparison (采血比对, CXBD)', () => {
  const c = dnaComparisonV1;
  const full = c.buildRequest(childCase(), {});
  const bare = c.buildRequest(childCase({ foundlingCertificateNumber: undefined }), {});
  const wireOf = (request: unknown) => toWire(envelopeFor(c, request, CHILD_ID));

  it('maps the request to the population system’s fields, linking the foundling report', () => {
    expect(wireOf(full)).toEqual({
      ywlb: 'CXBD',
      ...head,
      ryxx: { hub_child_id: CHILD_ID, xm: '党小晴', xb: '2', csrq: '20150301' },
      ywxx: { jgdm: 'CWI-450100', jgmc: '南宁市儿童福利院', jsbazmbh: CERT },
    });
    expect(wireOf(bare).ywxx).toEqual({ jgdm: 'CWI-450100', jgmc: '南宁市儿童福利院' });
  });

  it('round-trips: the department reads back exactly the request', () => {
    for (const request of [full, bare]) {
      expect(fromWire(wireOf(request))).toEqual({ taskId, type: 'public-security.dna-comparison', request });
    }
  });

  it('carries no school, disability or benefit fields, and no identity number', () => {
    const json = JSON.stringify(wireOf(full));
    expect(json).not.toMatch(NOT_FOR_POLICE);
    expect(json).not.toContain(FEMALE_ID);
  });

  it('refuses an envelope whose data does not match the contract, and one for another department', () => {
    expect(() => wireOf({ ...full, idNumber: FEMALE_ID })).toThrow(/idNumber/);
    expect(() => wireOf({ ...full, institutionName: '' })).toThrow(/institutionName/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { department: 'education' }))).toThrow(/not for public security/);
    expect(() => toWire(envelopeFor(c, full, CHILD_ID, { type: 'public-security.fingerprint' }))).toThrow(/no wire mapping/);
  });

  it('refuses a body that is not its format', () => {
    const good = wireOf(full);
    expect(() => fromWire(altered(good, (w) => (w.ywxx.jsbazmbh = 7)))).toThrow();
    expect(() => fromWire(altered(good, (w) => (w.ywxx.jgdm = 'CWI450100')))).toThrow(/institutionId/);
    expect(() => fromWire(null)).toThrow();
  });

  it('simulator: sampled and compared today, no match, no case reference', () => {
    const result = c.result.parse(simulator.results[c.type]!(fromWire(wireOf(full)).request, TODAY));
    expect(result).toEqual({
      sampleId: expect.stringMatching(/^XY45010020261120\d{4}$/),
      sampledOn: TODAY,
      compared: true,
      matchFound: false,
    });
    expect(c.checkResult!(result, full)).toEqual([]);
  });
});
