// CDK entry point (cdk.json "app"). HUB_DEPLOYMENT picks the config: aws | local | test (default test).
//   npx cdk synth                          # test config
//   HUB_DEPLOYMENT=aws npx cdk deploy      # a real account
//   HUB_DEPLOYMENT=local npx cdklocal deploy
import { deploymentFromEnv } from './config.ts';
import { createHubApp } from './create-app.ts';

const { app } = createHubApp({ deployment: deploymentFromEnv() });
app.synth();
