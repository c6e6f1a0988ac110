// Runs the partner check against one department's endpoint: for each of its task types a signed sample task, its
// redelivery and a sample missing a required field; then badly signed tasks (the first sample's signature replayed
// under another idempotency key among them) and unreadable bodies; then the
// endpoint's clock and transport. Every probe carries a fresh task id, so nothing is mistaken for a redelivery
// except the redelivery itself. Requests go one at a time, in the order the checks are reported.
import { ulid } from 'ulid';
import { signatureSchemes, type SignatureScheme } from '../../contracts/push.ts';
import { delivery, findDepartment, signatureOf, type DepartmentEntry, taskTypesOf } from '../../services/topology.ts';
import { result, type CheckResult, type Judging } from './checks.ts';
import { judgeClock, judgeReachable, judgeTransport } from './judge-endpoint.ts';
import {
  judgeAccept,
  judgeDuplicate,
  judgeMalformedRefusal,
  judgeRedelivery,
  judgeSignatureRefusal,
  judgeTimeLimit,
  missingFieldNotApplicable,
} from './judge-tasks.ts';
import { httpSender, otherScheme, type Exchange, type Outgoing, type Send } from './http.ts';
import { foreignFormatBody, notJsonBody, withoutRequiredField } from './probes.ts';
import type { SampleSpec } from './sample-case.ts';
import { buildSample, type Sample, type SampleIds } from './samples.ts';
import { loadMapping, loadSamples, type DepartmentMapping } from '../departments/modules.ts';

/** The adapter's default push time limit (services/delivery/push.ts). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The replay probe sends a signature again only this soon after it was made: well inside the 5 min window. */
export const REPLAY_WITHIN_SECONDS = 240;
/** How old the stale probe's timestamp is: twice the 5 min the signature check tolerates. */
export const STALE_AGE_SECONDS = 600;

export interface PartnerCheckOptions {
  department: string;
  url: string;
  secret: string;
  /** The MAC the endpoint expects; default: the department's in the topology. */
  signature?: SignatureScheme;
  timeoutMs?: number;
  /** Called as each check is decided (the text report prints progressively). */
  onCheck?: (check: CheckResult) => void;
  /** Replaceable for tests. */
  send?: Send;
  now?: () => number;
  ids?: SampleIds;
}

export interface PartnerCheckReport {
  department: string;
  url: string;
  startedAt: string;
  durationMs: number;
  timeoutMs: number;
  signature: SignatureScheme;
  taskTypes: string[];
  checks: CheckResult[];
  summary: { passed: number; failed: number; warnings: number };
  /** No check failed (warnings allowed): the exit code is 0. */
  ok: boolean;
}

export function summarise(checks: CheckResult[]): PartnerCheckReport['summary'] {
  return {
    passed: checks.filter((c) => c.status === 'pass').length,
    failed: checks.filter((c) => c.status === 'fail').length,
    warnings: checks.filter((c) => c.status === 'warn').length,
  };
}

export async function runPartnerCheck(options: PartnerCheckOptions): Promise<PartnerCheckReport> {
  const department = findDepartment(options.department);
  if (!department) throw new Error(`unknown department ${options.department}`);
  const url = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const scheme = options.signature ?? signatureOf(department.code);
  const send = options.send ?? httpSender(options.secret, timeoutMs, now, scheme);
  const ids = options.ids ?? { ulid: () => ulid() };
  const mapping = await loadMapping(department.code);
  const samples = await loadSamples(department.code);
  const judging: Judging = { timeoutMs, maxReceiveCount: delivery.maxReceiveCount };
  const started = now();
  const t0 = performance.now();

  const checks: CheckResult[] = [];
  const exchanges: Exchange[] = [];
  const record = (c: CheckResult) => {
    checks.push(c);
    options.onCheck?.(c);
  };
  const post = async (out: Outgoing) => {
    const ex = await send(url.href, out);
    exchanges.push(ex);
    return ex;
  };
  const valid = (body: string, idempotencyKey: string): Outgoing => ({ body, idempotencyKey, signing: { kind: 'valid' } });

  await probe(department, mapping, { ids, now, post, valid, record, judging, url: url.href, samples, scheme });
  if (!checks.some((c) => c.id === 'reachable')) record(judgeClock(exchanges));
  record(judgeTransport(url));

  const summary = summarise(checks);
  return {
    department: department.code,
    url: url.href,
    startedAt: new Date(started).toISOString(),
    durationMs: Math.round(performance.now() - t0),
    timeoutMs,
    signature: scheme,
    taskTypes: taskTypesOf(department.code).map((t) => t.contract.type),
    checks,
    summary,
    ok: summary.failed === 0,
  };
}

interface ProbeContext {
  ids: SampleIds;
  now: () => number;
  post: (out: Outgoing) => Promise<Exchange>;
  valid: (body: string, idempotencyKey: string) => Outgoing;
  record: (c: CheckResult) => void;
  judging: Judging;
  url: string;
  samples: readonly SampleSpec[];
  scheme: SignatureScheme;
}

async function probe(department: DepartmentEntry, mapping: DepartmentMapping, ctx: ProbeContext): Promise<void> {
  const { post, valid, record, judging: j } = ctx;
  const [firstType] = taskTypesOf(department.code);
  if (!firstType) return;
  const fresh = (entry = firstType): Sample => buildSample(department, entry, mapping, ctx.ids, ctx.now(), ctx.samples);
  // The first sample task the endpoint took, whose signature the replay probe sends again.
  let taken: { body: string; exchange: Exchange } | undefined;

  for (const entry of taskTypesOf(department.code)) {
    const type = entry.contract.type;
    const sample = fresh(entry);
    const first = await post(valid(sample.body, sample.idempotencyKey));
    if (first.status === undefined && first.error !== 'timeout') {
      // Refused connection, unknown host, TLS failure: every other probe would say the same.
      record(judgeReachable(first, ctx.url));
      return;
    }
    if (!taken && first.status !== undefined && first.status >= 200 && first.status < 300) taken = { body: sample.body, exchange: first };
    const accepted = judgeAccept(first, j, type);
    record(accepted.status === 'fail' ? { ...accepted, sent: sample.body } : accepted);
    // The adapter's retry: the same body and idempotency-key, signed again at the time of sending.
    const again = await post(valid(sample.body, sample.idempotencyKey));
    record(judgeRedelivery(again, j, type));
    record(judgeDuplicate(first, again, type));

    const other = fresh(entry);
    const broken = withoutRequiredField(other, mapping);
    let missing: Exchange | undefined;
    if (broken) {
      missing = await post(valid(broken.body, other.idempotencyKey));
      record(
        judgeMalformedRefusal(
          'missing-field',
          `refuses the sample without ${broken.carriesTaskId ? 'its task id' : 'the required field'} (${broken.field}) with 4xx`,
          missing,
          j,
          type,
        ),
      );
    } else {
      record(missingFieldNotApplicable(type));
    }
    record(judgeTimeLimit([first, again, ...(missing ? [missing] : [])], j, type));
  }

  // Badly signed: each a fresh, otherwise valid task, so an endpoint that skips the check would accept it as new.
  const wrong = fresh();
  record(
    judgeSignatureRefusal(
      'signature-wrong-secret',
      'refuses a task signed with another secret (401/403)',
      'anyone who can reach the endpoint could push tasks to the department',
      await post({ body: wrong.body, idempotencyKey: wrong.idempotencyKey, signing: { kind: 'wrong-secret' } }),
      j,
    ),
  );
  const downgraded = fresh();
  const [ours, theirs] = [ctx.scheme, otherScheme(ctx.scheme)].map((s) => signatureSchemes[s].title);
  record(
    judgeSignatureRefusal(
      'signature-other-scheme',
      `refuses a task signed with ${theirs} instead of ${ours}, even with the right secret (401/403)`,
      `the endpoint takes another algorithm than ${ours}, so the signature scheme it was configured for protects nothing`,
      await post({ body: downgraded.body, idempotencyKey: downgraded.idempotencyKey, signing: { kind: 'other-scheme' } }),
      j,
    ),
  );
  const signed = fresh();
  const sent = fresh();
  record(
    judgeSignatureRefusal(
      'signature-tampered-body',
      'refuses a body altered after signing (401/403)',
      'the signature is not checked over the body, so a task could be altered on the way',
      await post({ body: sent.body, idempotencyKey: sent.idempotencyKey, signing: { kind: 'tampered', signedBody: signed.body } }),
      j,
    ),
  );
  const stale = fresh();
  record(
    judgeSignatureRefusal(
      'signature-stale',
      `refuses a task signed ${STALE_AGE_SECONDS / 60} min ago (stale timestamp, 401/403)`,
      'the timestamp is not checked (±5 min), so a captured request could be replayed later',
      await post({ body: stale.body, idempotencyKey: stale.idempotencyKey, signing: { kind: 'stale', ageSeconds: STALE_AGE_SECONDS } }),
      j,
    ),
  );
  const unsigned = fresh();
  record(
    judgeSignatureRefusal(
      'signature-missing',
      'refuses a task without a signature (401/403)',
      'an unsigned request was taken for the hub',
      await post({ body: unsigned.body, idempotencyKey: unsigned.idempotencyKey, signing: { kind: 'missing' } }),
      j,
    ),
  );

  // A captured push sent again within the window under another idempotency key (the key is not signed): the hub's
  // own receivers refuse it (ReplayGuard, services/delivery/signature.ts), since it would be taken as a new delivery.
  // The first sample task is replayed (no second case in the department's books) while its signature is well inside
  // the window; after REPLAY_WITHIN_SECONDS a stale refusal could pass for a replay refusal.
  const replayTitle = 'refuses the same signature again under another idempotency key (401/403)';
  if (taken && ctx.now() - taken.exchange.sentAt <= REPLAY_WITHIN_SECONDS * 1000) {
    record(
      judgeSignatureRefusal(
        'signature-replayed',
        replayTitle,
        'a captured push could be sent again within the five minutes as a new delivery, and open a second case',
        await post({ body: taken.body, idempotencyKey: fresh().idempotencyKey, signing: { kind: 'replayed', signedAt: taken.exchange.sentAt } }),
        j,
      ),
    );
  } else {
    const why = taken ? `the sample task it took was signed over ${REPLAY_WITHIN_SECONDS / 60} min ago` : 'it took no sample task to replay';
    record(result('signature-replayed', replayTitle, 'warn', `not checked: ${why}`));
  }

  // Unreadable bodies, correctly signed: refused with 4xx, never 5xx.
  const truncated = fresh();
  record(
    judgeMalformedRefusal(
      'body-not-json',
      'refuses a body that is not JSON with 4xx (not 5xx)',
      await post(valid(notJsonBody(truncated), truncated.idempotencyKey)),
      j,
    ),
  );
  const foreign = fresh();
  record(
    judgeMalformedRefusal(
      'body-foreign-format',
      'refuses JSON in another format (the hub envelope, unmapped) with 4xx (not 5xx)',
      await post(valid(foreignFormatBody(foreign, mapping), foreign.idempotencyKey)),
      j,
    ),
  );
}
