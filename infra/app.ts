// CDK entry point (cdk.json "app"). HUB_DEPLOYMENT picks the config (infra/config.ts), default test:
//   npx cdk synth                                   # test config
//   HUB_DEPLOYMENT=aws npx cdk deploy               # an account in a global region
//   HUB_DEPLOYMENT=cn-northwest-1 npx cdk deploy    # an account in the aws-cn partition (also cn-north-1)
//   HUB_DEPLOYMENT=local npx cdklocal deploy
import { deploymentFromEnv } from './config.ts';
import { createHubApp } from './create-app.ts';

const { app } = createHubApp({ deployment: deploymentFromEnv() });
app.synth();
