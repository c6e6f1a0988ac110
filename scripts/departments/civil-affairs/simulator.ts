// A stand-in civil-affairs bureau of the place of placement: the young person is recognised for the support mode
// asked for, from today, with a certificate number of the county. Deterministic from the request.
import type * as z from 'zod/mini';
import { specialHardshipRecognitionV1 } from '../../../contracts/civil-affairs/special-hardship-recognition.v1.ts';
import type { DepartmentSimulator } from '../../simulators/simulator.ts';
import { fromWire } from '../../../services/departments/civil-affairs/mapping.ts';

type RecognitionRequest = z.infer<typeof specialHardshipRecognitionV1.request>;

export const simulator: DepartmentSimulator = {
  department: 'civil-affairs',
  fromWire,
  results: {
    [specialHardshipRecognitionV1.type]: (request, today) => {
      const r = request as RecognitionRequest;
      return { recognised: true, supportMode: r.supportMode, certificateNumber: `${r.placeCountyCode}特困${today.slice(0, 4)}第0001号`, supportFrom: today };
    },
  },
};
