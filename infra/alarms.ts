// Where alarms go: one SNS topic, encrypted with the hub's key, optionally mailed. Every alarm of the stack notifies
// it on ALARM and on OK, so an operator also learns when a dead-letter queue has been drained.
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Config } from './config.ts';

/** An alarm on `metric` reaching 1 within one period; quiet while no data arrives. */
export type AtLeastOneProps = Pick<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription' | 'metric'>;

export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  private readonly action: cloudwatchActions.SnsAction;

  constructor(scope: Construct, id: string, props: { config: Config; key: kms.IKey }) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Resource', {
      topicName: `${props.config.namePrefix}hub-alarms`,
      displayName: 'Child welfare hub alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    if (props.config.alarmEmail) {
      this.topic.addSubscription(new snsSubscriptions.EmailSubscription(props.config.alarmEmail));
    }
    this.action = new cloudwatchActions.SnsAction(this.topic);
  }

  /** An alarm when `metric` is at least 1, notifying this topic on ALARM and OK. */
  atLeastOne(scope: Construct, id: string, props: AtLeastOneProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      ...props,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }
}
