// Decides what API Gateway would do with a Lambda authorizer's IAM policy for one method ARN, so that a policy
// too narrow for a route (a common authorizer bug) is refused locally as it would be on AWS.
// IAM evaluation order: an explicit Deny wins, then an Allow; with neither the call is refused too.
import type { PolicyDocument } from 'aws-lambda';

export type PolicyDecision = 'allow' | 'deny' | 'no-match';

export function evaluatePolicy(policy: PolicyDocument | undefined | null, methodArn: string): PolicyDecision {
  let allowed = false;
  for (const statement of policy?.Statement ?? []) {
    const s = statement as unknown as Record<string, unknown>;
    const action = matchesAny(s.Action, 'execute-api:Invoke', true) ?? !matchesAny(s.NotAction, 'execute-api:Invoke', true);
    const resource = matchesAny(s.Resource, methodArn, false) ?? !matchesAny(s.NotResource, methodArn, false);
    if (!action || !resource) continue;
    if (s.Effect === 'Deny') return 'deny';
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'no-match';
}

/** undefined when the statement has no such element, so that the Not- form can be consulted. */
function matchesAny(patterns: unknown, value: string, ignoreCase: boolean): boolean | undefined {
  if (patterns === undefined) return undefined;
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((p) => typeof p === 'string' && glob(p, ignoreCase).test(value));
}

function glob(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}
