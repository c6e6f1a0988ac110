// Coming of age (孤儿成年后安置, policy 二(六)): the capability assessment (能力评估) the institution's staff record before
// a young person in its care turns 18, the placement category it leads to, and what the placement rules on each task
// type's contract (`placement`, task-roles.ts) can read from it. 二(六): 孤儿成年后，儿童福利机构要对其开展能力评估，
// 建立健全分类安置制度。对具有一定劳动能力和生活自理能力的，原则上回归村(社区)安置…对符合特困人员认定条件的，按规定纳入
// 特困人员救助供养，或转入社会福利机构，按照集中供养特困人员保障政策予以安置。
import * as z from 'zod/mini';
import { DivisionCode, IsoDate, Reason, ShortText } from './common.ts';
import { Capacity, comingOfAgeClock, Wish } from './coming-of-age-terms.ts';

export { Capacity, comingOfAgeClock, Wish };

export const placementCategories = ['community', 'special-hardship', 'welfare-institution'] as const;
export const PlacementCategory = z
  .enum(placementCategories).check(z.describe('Placement category (安置类别): community (回归村(社区)安置), special-hardship (纳入特困人员救助供养, 分散供养), ' +
      'welfare-institution (转入社会福利机构, 集中供养)'));
export type PlacementCategory = z.infer<typeof PlacementCategory>;

export const PlacementPlace = z
  .strictObject({
    countyCode: DivisionCode.check(z.describe('County-level division of the place of placement (安置地县级行政区划代码)')),
    address: ShortText.check(z.describe('Address at the place of placement (安置地址)')),
    villageOrCommunity: z.optional(ShortText).check(z.describe('The village or community (村(社区)) the young person returns to')),
    welfareInstitutionName: z.optional(ShortText).check(z.describe('The social welfare institution (社会福利机构) that takes the young person in')),
  }).check(z.describe('Where the young person is placed (安置地)'));

/** What the institution's staff record (POST /v1/children/{childId}/capability-assessment). */
export const CapabilityAssessment = z
  .strictObject({
    assessedOn: IsoDate.check(z.describe('Date of the assessment (评估日期)')),
    labourCapacity: Capacity.check(z.describe('Labour capacity (劳动能力)')),
    selfCareCapacity: Capacity.check(z.describe('Self-care capacity (生活自理能力)')),
    wishes: z.array(Wish).check(z.maxLength(4), z.describe('The young person’s wishes (本人意愿); empty when none')),
    studying: z.boolean().check(z.describe('Still in school and going on with it (在读并继续就学)')),
    category: PlacementCategory,
    place: PlacementPlace,
    needsHousing: z.boolean().check(z.describe('Applies for public rental or other guaranteed housing (申请住房保障)')),
    employmentDifficulty: z.optional(z.boolean()).check(z.describe('Meets the conditions of a person with employment difficulties (就业困难人员)')),
    summary: z.optional(Reason).check(z.describe('The assessment’s conclusion in words (评估意见)')),
  }).check(z.superRefine((a, ctx) => {
    const some = a.labourCapacity !== 'none' && a.selfCareCapacity !== 'none';
    if (a.category === 'community' && !some) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'community placement is for those with some labour and self-care capacity (二(六))' });
    }
    if (a.category !== 'community' && some) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'special-hardship support is for those without labour or self-care capacity (二(六))' });
    }
    if (a.category === 'welfare-institution' && !a.place.welfareInstitutionName) {
      ctx.addIssue({ code: 'custom', path: ['place', 'welfareInstitutionName'], message: 'a transfer to a social welfare institution names it' });
    }
    if (a.category !== 'welfare-institution' && !a.place.villageOrCommunity) {
      ctx.addIssue({ code: 'custom', path: ['place', 'villageOrCommunity'], message: 'a placement in the community names the village or community' });
    }
    if (new Set(a.wishes).size !== a.wishes.length) ctx.addIssue({ code: 'custom', path: ['wishes'], message: 'each wish once' });
    if (a.employmentDifficulty && !a.wishes.includes('work')) {
      ctx.addIssue({ code: 'custom', path: ['employmentDifficulty'], message: 'employment assistance goes with the wish to work' });
    }
  }), z.meta({ title: 'Capability assessment (能力评估)' }));
export type CapabilityAssessment = z.infer<typeof CapabilityAssessment>;

/**
 * What the placement rules test, derived from the assessment and the child (services/cases/coming-of-age/plan.ts).
 * `fitForService` is the institution's first look only (full labour and self-care capacity, not disabled): the
 * conscription office decides who meets the requirements (符合参军要求).
 */
export const placementFactNames = [
  'community',
  'specialHardshipSupport',
  'welfareInstitution',
  'needsHousing',
  'hasHukou',
  'studying',
  'wantsTechnicalSchool',
  'seeksEmployment',
  'wantsEnlistment',
  'fitForService',
] as const;
export type PlacementFact = (typeof placementFactNames)[number];

/** The values a placement rule can give a task's input, read from the assessment. */
export const PlacementValues = z.object({
  category: PlacementCategory,
  placeCountyCode: DivisionCode,
  placeAddress: ShortText,
  villageOrCommunity: z.optional(ShortText),
  welfareInstitutionName: z.optional(ShortText),
  /** 分散供养 in the community, 集中供养 in a social welfare institution. */
  supportMode: z.enum(['dispersed', 'centralised']),
  labourCapacity: Capacity,
  selfCareCapacity: Capacity,
  wishes: z.array(Wish),
  employmentDifficulty: z.boolean(),
});
export type PlacementValues = z.infer<typeof PlacementValues>;
export type PlacementValue = keyof PlacementValues;
