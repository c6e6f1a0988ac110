// The CDK stack, synthesised without bundling, once per deployment, and checked by the suites in ./suites (one per
// concern). One file, so that aws-cdk-lib is loaded and each deployment synthesised once for all of them.
// Needs no emulator; run alone with `npx vitest run --config test/infra/vitest.config.ts`.
import { beforeAll } from 'vitest';
import { deployments } from '../../infra/config.ts';
import { apiSuite } from './suites/api.ts';
import { chinaAvailabilitySuite } from './suites/china-availability.ts';
import { consoleSuite } from './suites/console.ts';
import { dataSuite } from './suites/data.ts';
import { deploymentsSuite } from './suites/deployments.ts';
import { functionsSuite } from './suites/functions.ts';
import { officesSuite } from './suites/offices.ts';
import { readAuditSuite } from './suites/read-audit.ts';
import { REAL_DEPLOYMENTS, synth, SYNTH_TIMEOUT, type Templates } from './synth.ts';

const all = {} as Templates;
beforeAll(() => {
  for (const d of deployments) all[d] = synth(d, { asTheCliDoes: REAL_DEPLOYMENTS.includes(d) });
}, SYNTH_TIMEOUT);

dataSuite(all);
functionsSuite(all);
apiSuite(all);
deploymentsSuite(all);
chinaAvailabilitySuite(all);
consoleSuite(all);
officesSuite();
readAuditSuite(all);
