// The partner check's sample of each public-security task type: the case it is opened for, its opening input.
import { dnaComparisonV1 } from '../../../contracts/public-security/dna-comparison.v1.ts';
import { foundlingReportV1 } from '../../../contracts/public-security/foundling-report.v1.ts';
import { hukouMigrationV1 } from '../../../contracts/public-security/hukou-migration.v1.ts';
import { hukouRegistrationV1 } from '../../../contracts/public-security/hukou-registration.v1.ts';
import { placementHukouV1 } from '../../../contracts/public-security/placement-hukou.v1.ts';
import { cityInstitution, SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  // A child is found in a county: its centre asks for the report.
  sampleOf(foundlingReportV1)({
    case: 'county-child',
    input: (today) => ({
      foundPlace: `隆安县城厢镇汽车站候车室（${SAMPLE_MARK}）`,
      foundCountyCode: '450123',
      foundOn: today,
      circumstances: `${SAMPLE_MARK}：合作方自检样例，非真实案件`,
    }),
  }),
  sampleOf(hukouRegistrationV1)({ case: 'city-child', input: () => ({}) }),
  // The hukou moves with a child the county centre hands to the city.
  sampleOf(hukouMigrationV1)({
    case: 'county-child',
    input: () => ({
      fromHukouAddress: `广西壮族自治区隆安县未成年人救助保护中心集体户（${SAMPLE_MARK}）`,
      hukouRegistrationNumber: '450123901',
      toInstitutionId: cityInstitution.institutionId,
    }),
  }),
  sampleOf(dnaComparisonV1)({ case: 'city-child', input: () => ({}) }),
  // A young person coming of age returns to a community: the hukou follows.
  sampleOf(placementHukouV1)({
    case: 'city-child',
    input: () => ({
      toCountyCode: '450103',
      toAddress: `南宁市青秀区新竹街道竹溪社区（${SAMPLE_MARK}）`,
      villageOrCommunity: '竹溪社区',
    }),
  }),
];
