// The timed sweeps: re-dispatch of tasks stuck in `dispatched` and the overdue flagging with its alarm
// (docs/decisions/0004-dispatch.md), the children's clocks (decision 14). Each function the topology gives a schedule
// is a HubFunction on an EventBridge rule (a rate, or daily at a China time), in the stack's own scope.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { delivery, functions, scheduledFunctions, serviceName, type ScheduledFunction } from '../services/topology.ts';
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
  functions: Record<ScheduledFunction, HubFunction>;
  overdueAlarm: cloudwatch.Alarm;
}

/** Extra environment per sweep: Powertools Metrics reads its namespace from here; the overdue sweep's metric uses it. */
const environments: Partial<Record<ScheduledFunction, Record<string, string>>> = {
  overdue: { POWERTOOLS_METRICS_NAMESPACE: OVERDUE_METRIC.namespace },
};

export function addSchedules(scope: Construct, props: SchedulesProps): Schedules {
  const fns = Object.fromEntries(scheduledFunctions.map((key) => [key, scheduled(scope, key, props, environments[key])])) as Record<
    ScheduledFunction,
    HubFunction
  >;
  const overdueAlarm = props.alarms.atLeastOne(scope, 'OverdueTasksAlarm', {
    alarmName: `${props.config.namePrefix}hub-overdue-tasks`,
    alarmDescription: 'Tasks are past their deadline (published by the overdue schedule).',
    metric: new cloudwatch.Metric({
      ...OVERDUE_METRIC,
      period: Duration.minutes(functions.overdue.everyMinutes),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
  });
  return { functions: fns, overdueAlarm };
}

/** A rate in minutes, or a daily cron at a China time (UTC+08:00 all year: EventBridge's cron is UTC). */
export function scheduleOf(key: ScheduledFunction): { schedule: events.Schedule; says: string } {
  const spec: { everyMinutes?: number; dailyAtChina?: string } = functions[key];
  if (spec.everyMinutes) return { schedule: events.Schedule.rate(Duration.minutes(spec.everyMinutes)), says: `every ${spec.everyMinutes} minutes` };
  const [hour, minute] = spec.dailyAtChina!.split(':').map(Number) as [number, number];
  return {
    schedule: events.Schedule.cron({ hour: String((hour + 24 - 8) % 24), minute: String(minute) }),
    says: `daily at ${spec.dailyAtChina} China time`,
  };
}

function scheduled(scope: Construct, key: ScheduledFunction, props: SchedulesProps, env: Record<string, string> = {}) {
  const spec = functions[key];
  const { schedule, says } = scheduleOf(key);
  const fn = new HubFunction(scope, pascalCase(key), {
    name: key,
    entry: spec.entry,
    description: spec.description,
    config: props.config,
    // The daily clock sweep reads every child in the city institutions' care: give it the time a sweep of minutes does not need.
    timeout: Duration.minutes('dailyAtChina' in spec ? 5 : 1),
    environment: { MAX_RECEIVE_COUNT: String(delivery.maxReceiveCount), ...env },
  })
    .bindTable(props.table, 'readWrite')
    .bindQueues(props.queues);
  new events.Rule(scope, `${pascalCase(key)}Schedule`, {
    ruleName: `${props.config.namePrefix}hub-${key}`,
    description: `${spec.description}, ${says}`,
    schedule,
    targets: [new eventsTargets.LambdaFunction(fn, { retryAttempts: 2 })],
  });
  return fn;
}
