// 户口迁移（成年安置）: a young person who comes of age leaves the institution's collective household (集体户) for the place
// of placement: the village or community they return to, or the social welfare institution that takes them in
// (policy 二(六): 民政、住房城乡建设、公安、教育、人力资源社会保障等部门要为其落实生活、住房、户籍…保障; 四(二): 公安部门要及时办理
// …户口迁移手续). Opened by the coming-of-age placement plan only, for a young person with a hukou.
// A type of its own, not hukou-migration v2: a new request field is a breaking change for the police's strict
// validators (docs/decisions/0005-contract-versioning.md), a v2 would replace v1 in the transfer too, and a task type
// carries one workflow: the transfer's destination is an institution, this one is an address it does not know.
// Allow-list (field minimisation): identity, the hukou it moves from, the institution whose collective household it
// leaves, and the destination. No school, disability, medical facts or capacities: the police need none.
import * as z from 'zod/mini';
import { youngPersonFields } from '../coming-of-age-terms.ts';
import { DivisionCode, InstitutionId, IsoDate, ShortText } from '../common.ts';
import { childIdentity } from '../case-child.ts';
import { defineTaskType } from '../task-type.ts';
import { caseChild, DocumentNumber, HukouAddress, IdNumberCanonical } from './fields.ts';

const FromHukouAddress = HukouAddress.check(z.describe('Current hukou address, the institution’s collective household (迁出地户籍地址), when recorded'));
const HukouRegistrationNumber = DocumentNumber.check(z.describe('Current household registration number (户号), when known'));
const ToCountyCode = DivisionCode.check(z.describe('County of the place of placement, whose police register the hukou (迁入地县级行政区划代码)'));
const ToAddress = ShortText.check(z.describe('Address of the place of placement (迁入地址)'));
const VillageOrCommunity = ShortText.check(z.describe('The village or community (村(社区)) whose household register receives the hukou'));
const WelfareInstitutionName = ShortText.check(z.describe('The social welfare institution whose collective household receives the hukou (转入社会福利机构)'));

/** The hukou it moves, read from the young person's facts, and where it goes, bound from the assessment. */
const move = {
  fromHukouAddress: z.optional(FromHukouAddress),
  hukouRegistrationNumber: z.optional(HukouRegistrationNumber),
  toCountyCode: ToCountyCode,
  toAddress: ToAddress,
  villageOrCommunity: z.optional(VillageOrCommunity),
  welfareInstitutionName: z.optional(WelfareInstitutionName),
};

export const PlacementHukouInput = z
  .strictObject(move).check(z.meta({ title: 'public-security.placement-hukou v1 input', description: 'The hukou as it is and the place of placement (from the capability assessment)' }));

export const PlacementHukouRequest = z
  .strictObject({
    ...youngPersonFields,
    fromInstitutionId: InstitutionId.check(z.describe('Institution whose collective household the hukou leaves (迁出机构)')),
    ...move,
  }).check(z.meta({ title: 'public-security.placement-hukou v1 request', description: '户口迁移（成年安置）: what the police receive' }));

export const PlacementHukouResult = z
  .strictObject({
    newHukouAddress: HukouAddress.check(z.describe('New hukou address (迁入后户籍地址)')),
    newHukouRegistrationNumber: z.optional(DocumentNumber).check(z.describe('New household registration number (户号)')),
    migratedOn: IsoDate.check(z.describe('Date of migration (迁移日期)')),
  }).check(z.meta({ title: 'public-security.placement-hukou v1 result', description: '户口迁移（成年安置）: the hukou at the place of placement' }));

export const placementHukouV1 = defineTaskType({
  type: 'public-security.placement-hukou',
  version: 1,
  department: 'public-security',
  subject: 'child',
  titleZh: '户口迁移（成年安置）',
  policy: '二(六), 四(二)',
  workflow: {
    name: 'coming-of-age',
    step: 'placement',
    boundInput: ['toCountyCode', 'toAddress', 'villageOrCommunity', 'welfareInstitutionName'],
    // The hukou it moves is the young person's as it stands when the request is built.
    inputFacts: { fromHukouAddress: 'hukouAddress', hukouRegistrationNumber: 'hukouRegistrationNumber' },
  },
  // Every category moves the hukou to where the young person lives after care; one without a hukou has none to move.
  placement: {
    when: ['hasHukou'],
    input: { toCountyCode: 'placeCountyCode', toAddress: 'placeAddress', villageOrCommunity: 'villageOrCommunity', welfareInstitutionName: 'welfareInstitutionName' },
    policy: '二(六)',
  },
  feeds: { fields: { newHukouAddress: 'hukouAddress', newHukouRegistrationNumber: 'hukouRegistrationNumber' } },
  discloses: ['childId', 'name', 'gender', 'birthDate', 'idNumber', 'institutionId', 'hukouAddress', 'hukouRegistrationNumber'],
  zh: {
    fields: {
      fromInstitutionId: '迁出机构',
      toCountyCode: '迁入地县（区）',
      toAddress: '迁入地址',
      villageOrCommunity: '村（社区）',
      welfareInstitutionName: '社会福利机构',
    },
  },
  input: PlacementHukouInput,
  request: PlacementHukouRequest,
  result: PlacementHukouResult,
  // No rule beyond the shape: any well-formed new hukou is accepted (no 422, so no 422 example in the OpenAPI).
  rules: [],
  buildRequest(facts, input) {
    const child = caseChild(facts, 'public-security.placement-hukou');
    return { ...childIdentity(child), fromInstitutionId: child.institutionId, ...input };
  },
});
