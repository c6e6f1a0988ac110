// Worked example: the housing bureau's wire format. In a real change: services/departments/housing/mapping.ts.
import * as z from 'zod';
import type { Envelope } from '../../../contracts/envelope.ts';
import { PublicRentalHousingRequest } from './public-rental-housing.v1.ts';

const HousingWire = z.strictObject({
  ywlx: z.literal('GZFBZ'),
  sqbh: z.string(),
  sqr: z.strictObject({ xm: z.string(), xb: z.enum(['1', '2']), csrq: z.string(), sfzh: z.string(), hubId: z.string() }),
  sqdw: z.string(),
});

export function toWire(envelope: Envelope) {
  if (envelope.type !== 'housing.public-rental-housing.v1') throw new Error(`housing cannot carry ${envelope.type}`);
  const r = PublicRentalHousingRequest.parse(envelope.data);
  return HousingWire.parse({
    ywlx: 'GZFBZ',
    sqbh: envelope.taskid,
    sqr: { xm: r.name, xb: r.gender === 'male' ? '1' : '2', csrq: r.birthDate, sfzh: r.idNumber, hubId: r.childId },
    sqdw: r.institutionId,
  });
}

export function fromWire(wire: unknown) {
  const w = HousingWire.parse(wire);
  return {
    taskId: w.sqbh,
    type: 'housing.public-rental-housing',
    request: PublicRentalHousingRequest.parse({
      childId: w.sqr.hubId,
      name: w.sqr.xm,
      gender: w.sqr.xb === '1' ? 'male' : 'female',
      birthDate: w.sqr.csrq,
      idNumber: w.sqr.sfzh,
      institutionId: w.sqdw,
    }),
  };
}
