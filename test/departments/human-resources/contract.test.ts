import { describe, expect, it } from 'vitest';
import { employmentSupportV1 } from '../../../contracts/human-resources/employment-support.v1.ts';
import { brokenRules, childCase, keysOf } from '../../contracts/fixtures.ts';

describe('human-resources.employment-support v1 (技工教育与就业服务, 四(二), 二(六))', () => {
  const c = employmentSupportV1;
  const guidance = c.buildRequest(childCase(), c.input.parse({}));
  const placement = c.buildRequest(
    childCase(),
    c.input.parse({ wishes: ['technical-school', 'work'], labourCapacity: 'partial', placeCountyCode: '450103', employmentDifficulty: true }),
  );

  it('at 16 sends who the child is and the stage only; on coming of age the wishes and labour capacity too', () => {
    expect(keysOf(guidance)).toEqual(['birthDate', 'childId', 'gender', 'idNumber', 'institutionId', 'name', 'stage']);
    expect(guidance.stage).toBe('guidance');
    expect(placement).toMatchObject({ stage: 'placement', wishes: ['technical-school', 'work'], labourCapacity: 'partial', employmentDifficulty: true });
    // The full child is disabled, has no hukou and a foundling certificate: none of it reaches human resources.
    expect(JSON.stringify(placement)).not.toMatch(/disab|hukou|foundling|桂南公捡/);
  });

  it('opens at 16 for a year, and in the plan for those who want technical school or work', () => {
    expect(c.clock).toMatchObject({ event: 'age-16', leadMonths: 0, untilMonths: 12 });
    expect(c.placement).toMatchObject({ anyOf: ['wantsTechnicalSchool', 'seeksEmployment'] });
  });

  it('a technical-school enrollment names its school; assistance is for coming of age; nothing arranged says why', () => {
    const enrolled = { services: ['technical-school' as const], technicalSchoolName: '广西机电技师学院', subsidies: [], arrangedOn: '2026-03-02' };
    expect(brokenRules(c, enrolled, placement)).toEqual([]);
    expect(brokenRules(c, { ...enrolled, technicalSchoolName: undefined }, placement)).toEqual(['result.technicalSchoolName']);
    expect(brokenRules(c, { services: ['employment-assistance'], subsidies: [], arrangedOn: '2026-03-02' }, guidance)).toEqual(['result.services']);
    expect(brokenRules(c, { services: [], subsidies: [], arrangedOn: '2026-03-02' }, guidance)).toEqual(['result.note']);
  });
});
