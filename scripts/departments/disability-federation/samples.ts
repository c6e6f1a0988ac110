// The partner check's sample of each disability-federation task type: the case it is opened for, its opening input.
import { rehabAssistanceV1 } from '../../../contracts/disability-federation/rehab-assistance.v1.ts';
import { rehabPointCertificationV1 } from '../../../contracts/disability-federation/rehab-point-certification.v1.ts';
import { SAMPLE_ID_NUMBER, SAMPLE_MARK, sampleOf } from '../../partner-check/sample-case.ts';

export const samples = [
  sampleOf(rehabPointCertificationV1)({
    case: 'institution',
    input: () => ({
      servicesOffered: [
        { area: 'physical', interventions: ['rehabilitation-training', 'assistive-devices'] },
        { area: 'intellectual', interventions: ['rehabilitation-training'] },
      ],
      rehabProfessionalCount: 6,
      address: `南宁市（${SAMPLE_MARK}）`,
    }),
  }),
  sampleOf(rehabAssistanceV1)({
    case: 'city-child',
    input: () => ({ disabilityCertificateNumber: `${SAMPLE_ID_NUMBER}42`, rehabNeeds: ['physical'] }),
  }),
];
