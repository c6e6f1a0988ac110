// The hub on AWS, built from services/topology.ts: one state table, one delivery pipeline per department, the
// REST API from `routes`, the schedules, alarms and outputs. See docs/decisions/0003-cdk-stack.md.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { DepartmentCode } from '../contracts/common.ts';
import { departments, type FunctionName } from '../services/topology.ts';
import { AlarmTopic } from './alarms.ts';
import { ConsoleHosting } from './console-hosting.ts';
import { hubApi } from './api.ts';
import { addApiFunctions } from './api-functions.ts';
import type { Config } from './config.ts';
import { dataKey } from './data-key.ts';
import { DepartmentPipeline } from './department-pipeline.ts';
import type { HubFunction } from './hub-function.ts';
import type { HubSecret } from './hub-secret.ts';
import { ReadAudit } from './read-audit.ts';
import { addSchedules } from './schedules.ts';
import { addOutputs } from './stack-outputs.ts';
import { stateTable } from './state-table.ts';

export interface HubStackProps extends StackProps {
  config: Config;
}

export class HubStack extends Stack {
  readonly config: Config;
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly alarmTopic: sns.Topic;
  readonly departments = new Map<DepartmentCode, DepartmentPipeline>();
  readonly api: apigateway.RestApi;
  readonly functions: Record<FunctionName, HubFunction>;
  readonly pagingTokenKey: HubSecret;
  /** Who looked: the read records' queue, consumer and dead-letter queue (docs/decisions/0016-read-audit.md). */
  readonly readAudit: ReadAudit;
  /** The console's static hosting, when the deployment's `console.hosting` asks for it. */
  readonly console?: ConsoleHosting;

  constructor(scope: Construct, id: string, props: HubStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;

    this.key = dataKey(this, config);
    const alarms = new AlarmTopic(this, 'AlarmTopic', { config, key: this.key });
    this.alarmTopic = alarms.topic;
    this.table = stateTable(this, { config, key: this.key });

    for (const department of departments) {
      const pipeline = new DepartmentPipeline(this, { department, config, key: this.key, table: this.table, alarms });
      this.departments.set(department.code, pipeline);
    }
    const queues = Object.fromEntries([...this.departments].map(([code, d]) => [code, d.queue]));

    const apiFunctions = addApiFunctions(this, { config, key: this.key, table: this.table, queues });
    this.pagingTokenKey = apiFunctions.pagingTokenKey;
    this.readAudit = new ReadAudit(this, 'ReadAudit', { config, key: this.key, table: this.table, alarms });
    // The functions whose answers carry a child's personal data send what they disclosed.
    for (const fn of [apiFunctions.handlers.api, apiFunctions.handlers.partnerApi]) this.readAudit.bindProducer(fn);
    const schedules = addSchedules(this, { config, table: this.table, queues, alarms });
    this.functions = {
      ...apiFunctions.handlers,
      authorizer: apiFunctions.authorizer,
      ...schedules.functions,
      readAudit: this.readAudit.consumer,
    };

    this.api = hubApi(this, { config, handlers: apiFunctions.handlers, authorizer: apiFunctions.authorizer });
    const hosting = config.console;
    if (hosting.hosting === 'cloudfront') this.console = new ConsoleHosting(this, 'Console', { config: { ...config, console: hosting }, api: this.api });
    addOutputs(this, { api: this.api, table: this.table, alarmTopic: this.alarmTopic, departments: this.departments, console: this.console });
  }
}
