// The WAFv2 web ACL of the API stage: AWS managed common and known-bad-inputs rules, a per-IP rate limit, and no
// sampled requests (they would store request contents, minors' personal information, in WAF).
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: false,
});

const managed = (priority: number, ruleGroup: string, countOnly: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
  name: ruleGroup,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name: ruleGroup,
      ruleActionOverrides: countOnly.length ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
    },
  },
  visibilityConfig: visibility(ruleGroup),
});

/** Requests per 5 minutes from one IP address before WAF blocks it. */
export const RATE_LIMIT_PER_IP = 2000;

export function attachWebAcl(scope: Construct, props: { name: string; stageArn: string }): wafv2.CfnWebACL {
  const acl = new wafv2.CfnWebACL(scope, 'ApiWebAcl', {
    name: props.name,
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility(props.name),
    rules: [
      // Request bodies (admissions, task results) may exceed the common rule set's 8 KB body limit: count only.
      managed(0, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
      managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
      {
        name: 'RateLimitPerIp',
        priority: 2,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_IP, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility('RateLimitPerIp'),
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(scope, 'ApiWebAclAssociation', { resourceArn: props.stageArn, webAclArn: acl.attrArn });
  return acl;
}
