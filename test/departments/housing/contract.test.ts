import { describe, expect, it } from 'vitest';
import { publicRentalHousingV1 } from '../../../contracts/housing/public-rental-housing.v1.ts';
import { brokenRules, childCase, FEMALE_ID, issuePaths, keysOf } from '../../contracts/fixtures.ts';

describe('housing.public-rental-housing v1 (住房保障, 二(六), 四(二))', () => {
  const c = publicRentalHousingV1;
  const input = c.input.parse({ placeCountyCode: '450103', placeAddress: '南宁市青秀区新竹街道竹溪社区' });
  const request = c.buildRequest(childCase(), input);
  const granted = { approved: true, housingKind: 'public-rental' as const, address: '竹溪公租房小区 3 栋 502', leaseStart: '2026-03-02' };

  it('sends who applies and where they are placed, with priority: no disability, hukou or school facts', () => {
    expect(keysOf(request)).toEqual(['birthDate', 'childId', 'gender', 'idNumber', 'institutionId', 'name', 'placeAddress', 'placeCountyCode', 'priority']);
    expect(request).toMatchObject({ idNumber: FEMALE_ID, priority: true, placeCountyCode: '450103' });
    // The full child is disabled and has a foundling certificate: none of it reaches housing.
    expect(JSON.stringify(request)).not.toMatch(/disab|hukou|foundling|桂南公捡/);
    expect(c.request.parse(request)).toEqual(request);
  });

  it('needs the place of placement, and is opened only by the coming-of-age plan', () => {
    expect(issuePaths(c.input, {})).toEqual(['placeCountyCode', 'placeAddress']);
    expect(c.workflow).toMatchObject({ name: 'coming-of-age', step: 'placement' });
    expect(c.placement).toMatchObject({ when: ['community', 'needsHousing'] });
  });

  it('an approval names the flat and the lease; a refusal its reason', () => {
    expect(brokenRules(c, c.result.parse(granted), request)).toEqual([]);
    expect(brokenRules(c, { approved: true }, request)).toEqual(['result.housingKind', 'result.address', 'result.leaseStart']);
    expect(brokenRules(c, { approved: false }, request)).toEqual(['result.reason']);
    expect(brokenRules(c, { approved: false, reason: '已有住房' }, request)).toEqual([]);
  });
});
