// The timed sweeps (docs/decisions/0004-dispatch.md): re-dispatch of tasks stuck in `dispatched`, and the overdue
// flagging with its alarm. Each is a HubFunction on an EventBridge rate rule, in the stack's own scope.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { delivery, functions, serviceName } from '../services/topology.ts';
import type { AlarmTopic } from './alarms.ts';
import type { Config } from './config.ts';
import { HubFunction } from './hub-function.ts';
import { pascalCase } from './outputs.ts';

/**
 * What the overdue sweep publishes (services/schedules/overdue.ts, with Powertools Metrics in CloudWatch embedded
 * metric format, a log line, so no cloudwatch:PutMetricData permission is involved) and the overdue alarm watches.
 * Powertools gives every metric the `service` dimension.
 */
export const OVERDUE_METRIC = {
  namespace: 'ChildWelfareHub',
  metricName: functions.overdue.metric,
  dimensionsMap: { service: serviceName },
} as const;

export interface SchedulesProps {
  config: Config;
  table: dynamodb.ITable;
  queues: Record<string, sqs.IQueue>;
  alarms: AlarmTopic;
}

export interface Schedules {
  redispatch: HubFunction;
  overdue: HubFunction;
  overdueAlarm: cloudwatch.Alarm;
}

export function addSchedules(scope: Construct, props: SchedulesProps): Schedules {
  const redispatch = scheduled(scope, 'redispatch', props);
  // Powertools Metrics reads its namespace from here.
  const overdue = scheduled(scope, 'overdue', props, { POWERTOOLS_METRICS_NAMESPACE: OVERDUE_METRIC.namespace });
  const overdueAlarm = props.alarms.atLeastOne(scope, 'OverdueTasksAlarm', {
    alarmName: `${props.config.namePrefix}hub-overdue-tasks`,
    alarmDescription: 'Tasks are past their deadline (published by the overdue schedule).',
    metric: new cloudwatch.Metric({
      ...OVERDUE_METRIC,
      period: Duration.minutes(functions.overdue.everyMinutes),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
  });
  return { redispatch, overdue, overdueAlarm };
}

function scheduled(scope: Construct, key: 'redispatch' | 'overdue', props: SchedulesProps, env: Record<string, string> = {}) {
  const spec = functions[key];
  const fn = new HubFunction(scope, pascalCase(key), {
    name: key,
    entry: spec.entry,
    description: spec.description,
    config: props.config,
    timeout: Duration.minutes(1),
    environment: { MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount), ...env },
  })
    .bindTable(props.table, 'readWrite')
    .bindQueues(props.queues);
  new events.Rule(scope, `${pascalCase(key)}Schedule`, {
    ruleName: `${props.config.namePrefix}hub-${key}`,
    description: `${spec.description}, every ${spec.everyMinutes} minutes`,
    schedule: events.Schedule.rate(Duration.minutes(spec.everyMinutes)),
    targets: [new eventsTargets.LambdaFunction(fn, { retryAttempts: 2 })],
  });
  return fn;
}
