// The coming-of-age placement rules (二(六)), as data on the contracts: which departments the plan opens for each
// category and set of wishes, and what each task's input carries from the assessment.
import { describe, expect, it } from 'vitest';
import { CapabilityAssessment } from '../../contracts/coming-of-age.ts';
import { planPlacement } from '../../services/cases/coming-of-age/plan.ts';
import { findTaskType } from '../../services/topology.ts';
import { childCase } from '../contracts/fixtures.ts';

const place = { countyCode: '450103', address: '南宁市青秀区竹溪社区', villageOrCommunity: '竹溪社区' };
const base = { assessedOn: '2027-03-05', wishes: [], studying: false, needsHousing: false, place };
const child = (over = {}) => childCase({ gender: 'male', disabled: false, hukouRegistered: true, ...over }).child!;
const noHukou = () => child({ hukouRegistered: false, hukouAddress: undefined });
const departments = (a: object, c = child()) =>
  planPlacement(CapabilityAssessment.parse({ ...base, ...a }), c).map((s) => findTaskType(s.type)!.contract.department).sort();

describe('placement rules', () => {
  it('community, with housing and every wish: housing, human resources, conscription, education, the hukou', () => {
    const a = { labourCapacity: 'full', selfCareCapacity: 'full', category: 'community', needsHousing: true, studying: true, wishes: ['technical-school', 'work', 'enlistment'] };
    expect(departments(a)).toEqual(['conscription', 'education', 'housing', 'human-resources', 'public-security']);
  });

  it('community without wishes or housing: only the hukou moves; without a hukou no task, the discharge follows on the birthday', () => {
    const a = { labourCapacity: 'partial', selfCareCapacity: 'full', category: 'community' };
    expect(departments(a)).toEqual(['public-security']);
    expect(departments(a, noHukou())).toEqual([]);
  });

  it('the hukou goes to the place of placement: the village or community, or the welfare institution’s collective household', () => {
    const hukou = (a: object) =>
      planPlacement(CapabilityAssessment.parse({ ...base, ...a }), child({ hukouAddress: '南宁市儿童福利院集体户' })).find((s) => s.type === 'public-security.placement-hukou')!;
    const home = hukou({ labourCapacity: 'full', selfCareCapacity: 'full', category: 'community' });
    expect(home.workflow!.input).toEqual({ toCountyCode: '450103', toAddress: place.address, villageOrCommunity: '竹溪社区' });
    expect(home.inputFacts).toEqual({ fromHukouAddress: 'hukouAddress', hukouRegistrationNumber: 'hukouRegistrationNumber' });
    const institution = hukou({ labourCapacity: 'none', selfCareCapacity: 'none', category: 'welfare-institution', place: { countyCode: '450102', address: '南宁市社会福利院', welfareInstitutionName: '南宁市社会福利院' } });
    expect(institution.workflow!.input).toEqual({ toCountyCode: '450102', toAddress: '南宁市社会福利院', welfareInstitutionName: '南宁市社会福利院' });
  });

  it('enlistment only for those fit on the institution’s first look: full capacities and not disabled', () => {
    const a = { labourCapacity: 'partial', selfCareCapacity: 'full', category: 'community', wishes: ['enlistment'] };
    expect(departments(a, noHukou())).toEqual([]);
    expect(departments({ ...a, labourCapacity: 'full' }, child({ disabled: true, hukouRegistered: false }))).toEqual([]);
    expect(departments({ ...a, labourCapacity: 'full' }, noHukou())).toEqual(['conscription']);
  });

  it('special-hardship support at home: the recognition by the civil-affairs bureau, dispersed', () => {
    const specs = planPlacement(CapabilityAssessment.parse({ ...base, labourCapacity: 'none', selfCareCapacity: 'partial', category: 'special-hardship' }), noHukou());
    expect(specs.map((s) => s.type)).toEqual(['civil-affairs.special-hardship-recognition']);
    expect(specs[0]!.workflow!.input).toMatchObject({ supportMode: 'dispersed', placeCountyCode: '450103', labourCapacity: 'none' });
  });

  it('transfer to a social welfare institution: the recognition, centralised, naming the institution', () => {
    const a = { labourCapacity: 'none', selfCareCapacity: 'none', category: 'welfare-institution', place: { countyCode: '450103', address: '南宁市社会福利院', welfareInstitutionName: '南宁市社会福利院' } };
    const specs = planPlacement(CapabilityAssessment.parse({ ...base, ...a }), noHukou());
    expect(specs.map((s) => s.type)).toEqual(['civil-affairs.special-hardship-recognition']);
    expect(specs[0]!.workflow!.input).toMatchObject({ supportMode: 'centralised', welfareInstitutionName: '南宁市社会福利院' });
  });

  it('the category must fit the capacities (二(六)): 400 names `category`', () => {
    const out = CapabilityAssessment.safeParse({ ...base, labourCapacity: 'none', selfCareCapacity: 'none', category: 'community' });
    expect(out.success ? [] : out.error.issues.map((i) => i.path.join('.'))).toEqual(['category']);
  });
});
