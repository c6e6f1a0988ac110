// The body of 户口迁移（成年安置） (public-security.placement-hukou v1) on the population system's wire: the hukou leaves
// the institution's collective household (迁出机构 qcjgdm) for the place of placement (迁入地 qrxzqh, qrdz), a
// village or community's household register (qrcsq) or a social welfare institution's collective household (qrfljg).
import * as z from 'zod/mini';
import type { Envelope } from '../../../contracts/envelope.ts';
import { placementHukouV1 } from '../../../contracts/public-security/placement-hukou.v1.ts';
import { header, person, ryxx, text, YWLB } from './wire-fields.ts';

export const PlacementHukouWire = z
  .strictObject({
    ywlb: YWLB.only('public-security.placement-hukou.v1'),
    ...header,
    ywxx: z
      .strictObject({
        qcjgdm: text('迁出机构代码 (the institution whose collective household the hukou leaves)'),
        qchjdz: z.optional(text('迁出地户籍地址 (hukou address moved from)')),
        hh: z.optional(text('户号 (household number)')),
        qrxzqh: text('迁入地行政区划代码 (county of the place of placement, GB/T 2260)'),
        qrdz: text('迁入地址 (address of the place of placement)'),
        qrcsq: z.optional(text('迁入村（社区） (the village or community receiving the hukou)')),
        qrfljg: z.optional(text('迁入社会福利机构 (the social welfare institution receiving the hukou)')),
      }).check(z.describe('安置迁移信息 (the move to the place of placement)')),
  }).check(z.meta({ title: '户口迁移（成年安置） (public-security.placement-hukou v1): the pushed body' }));

type Head = Pick<z.infer<typeof PlacementHukouWire>, 'sqbh' | 'sqsj' | 'bjqx'>;

export function toPlacementHukouWire(envelope: Envelope, head: Head): z.infer<typeof PlacementHukouWire> {
  const r = placementHukouV1.request.parse(envelope.data);
  return {
    ywlb: YWLB.codes['public-security.placement-hukou.v1'],
    ...head,
    ryxx: ryxx(r),
    ywxx: {
      qcjgdm: r.fromInstitutionId,
      ...(r.fromHukouAddress ? { qchjdz: r.fromHukouAddress } : {}),
      ...(r.hukouRegistrationNumber ? { hh: r.hukouRegistrationNumber } : {}),
      qrxzqh: r.toCountyCode,
      qrdz: r.toAddress,
      ...(r.villageOrCommunity ? { qrcsq: r.villageOrCommunity } : {}),
      ...(r.welfareInstitutionName ? { qrfljg: r.welfareInstitutionName } : {}),
    },
  };
}

export function fromPlacementHukouWire(w: z.infer<typeof PlacementHukouWire>) {
  return {
    taskId: w.sqbh,
    type: 'public-security.placement-hukou' as const,
    request: placementHukouV1.request.parse({
      ...person(w.ryxx),
      fromInstitutionId: w.ywxx.qcjgdm,
      ...(w.ywxx.qchjdz ? { fromHukouAddress: w.ywxx.qchjdz } : {}),
      ...(w.ywxx.hh ? { hukouRegistrationNumber: w.ywxx.hh } : {}),
      toCountyCode: w.ywxx.qrxzqh,
      toAddress: w.ywxx.qrdz,
      ...(w.ywxx.qrcsq ? { villageOrCommunity: w.ywxx.qrcsq } : {}),
      ...(w.ywxx.qrfljg ? { welfareInstitutionName: w.ywxx.qrfljg } : {}),
    }),
  };
}
