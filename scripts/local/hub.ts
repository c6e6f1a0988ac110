// The embedded hub: the same handlers as on AWS, wired together in one process. `npm start` runs it with
// DynamoDB Local and the in-process SQS emulator; the integration tests run it against the emulators their
// setup started (or LocalStack, through AWS_ENDPOINT_URL).
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readLocalCredentials, type Credentials } from '../../services/auth/local-credentials.ts';
import type { ConsoleConfig } from '../../services/console/config.ts';
import { departments, readAudit } from '../../services/topology.ts';
import { consoleDir } from './console-build.ts';
import { consoleServer } from './console-server.ts';
import { buildLocalCredentials, ensureLocalCredentials, tokensOf } from './credentials.ts';
import { startAdapters, startDepartmentSimulators } from './departments.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { migrateInboxKeys } from '../operations/migrate-inbox-keys.ts';
import type { HttpGateway, ProxyHandler } from './gateway-options.ts';
import type { Hub, HubOptions } from './hub-options.ts';
import { startHttpGateway } from './http-gateway.ts';
import { ensureEmulatorAwsEnv } from './aws-env.ts';
import { provision } from './provision.ts';
import { createSqsPoller } from './sqs-poller.ts';
import { startSqsLocal, type SqsLocal } from './sqs-local.ts';

const ensureAwsEnv = () => ensureEmulatorAwsEnv(process.env, true);

export async function startHub(options: HubOptions = {}): Promise<Hub> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir ?? '.local');
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log(`while stopping: ${(err as Error).message}`));
    stops.length = 0;
  };
  try {
    ensureAwsEnv();
    let endpoints = options.endpoints;
    const single = process.env.AWS_ENDPOINT_URL;
    if (!endpoints && single) endpoints = { dynamodb: single, sqs: single };
    if (!endpoints) {
      const dbDir = options.inMemory ? undefined : join(dataDir, 'dynamodb');
      if (dbDir && options.fresh) rmSync(join(dbDir, 'shared-local-instance.db'), { force: true });
      log(options.inMemory ? 'starting DynamoDB Local (in memory)…' : `starting DynamoDB Local (data in ${dbDir})…`);
      const db: DynamoDbLocal = await startDynamoDbLocal({ dataDir: dbDir });
      stops.push(() => db.stop());
      const sqsLocal: SqsLocal = await startSqsLocal();
      stops.push(() => sqsLocal.stop());
      endpoints = { dynamodb: db.endpoint, sqs: sqsLocal.endpoint };
    }
    process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamodb;
    process.env.AWS_ENDPOINT_URL_SQS = endpoints.sqs;

    const maxReceiveCount = options.maxReceiveCount ?? 3;
    const sqs = new SQSClient({ endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false });
    const dynamodb = new DynamoDBClient({ endpoint: endpoints.dynamodb });
    const provisioned = await provision(
      { dynamodb, sqs },
      { prefix: options.prefix, maxReceiveCount, visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 5 },
    );
    process.env.TABLE_NAME = provisioned.tableName;
    process.env.READ_AUDIT_QUEUE_URL = provisioned.readAudit.url;
    // A table kept on disk may hold tasks of the state table's first layout: their inbox keys move once.
    if (!options.inMemory && !options.endpoints && !single) {
      const moved = await migrateInboxKeys();
      if (moved) log(`moved ${moved} task(s) to the state table's second layout (docs/decisions/0017-state-table-v2.md)`);
    }
    process.env.QUEUE_URLS = JSON.stringify(
      Object.fromEntries(Object.entries(provisioned.queues).map(([code, q]) => [code, q.url])),
    );

    // Tokens: a file a person can read (npm start), or only in memory (tests with inMemory).
    let tokens: Credentials;
    let credentialsFile: string | undefined;
    let inMemoryCredentials: { tokens: Credentials; names: Record<string, string> } | undefined;
    process.env.AUTH_MODE = options.jwt ? 'jwt' : 'local';
    if (options.jwt) {
      process.env.JWKS_URL = options.jwt.jwksUrl;
      process.env.JWT_ISSUER = options.jwt.issuer;
      process.env.JWT_AUDIENCE = options.jwt.audience;
    }
    if (options.inMemory) {
      const file = buildLocalCredentials();
      tokens = tokensOf(file);
      inMemoryCredentials = { tokens, names: Object.fromEntries(Object.entries(file).flatMap(([k, v]) => (typeof v === 'string' ? [] : [[k, v.name]]))) };
      process.env.LOCAL_TOKENS = JSON.stringify(file);
      delete process.env.LOCAL_CREDENTIALS_FILE;
    } else {
      credentialsFile = join(dataDir, 'credentials.json');
      tokens = tokensOf(ensureLocalCredentials(credentialsFile));
      process.env.LOCAL_CREDENTIALS_FILE = credentialsFile;
      delete process.env.LOCAL_TOKENS;
    }

    // The handlers read the environment set above, so they are loaded only now.
    const [{ handler: api }, { handler: partnerApi }, { handler: docs }, { handler: supervisionApi }, { handler: authorizer, identityOf, tokenExpiryMs }, sweeps] = await Promise.all([
      import('../../services/api/staff-api.ts'),
      import('../../services/api/partner-api.ts'),
      import('../../services/api/docs-api.ts'),
      import('../../services/api/supervision-api.ts'),
      import('../../services/api/authorizer.ts'),
      import('../../services/schedules/sweeps.ts'),
    ]);
    const { openRecurring } = await import('../../services/cases/recurring.ts');
    const { sweepClocks } = await import('../../services/cases/clocks.ts');
    const { escalateOverdue } = await import('../../services/schedules/escalate.ts');
    const { draftReports } = await import('../../services/schedules/drafts.ts');
    const consoleConfig: ConsoleConfig = options.jwt
      ? { signIn: 'oidc', authority: options.jwt.issuer, clientId: options.jwt.consoleClientId }
      : { signIn: 'local' };
    const gateway: HttpGateway = await startHttpGateway({
      port: options.port ?? 3000,
      fallback:
        options.console === false
          ? undefined
          : consoleServer({
              dir: consoleDir,
              config: consoleConfig,
              credentials: () => (credentialsFile ? (readLocalCredentials(credentialsFile) ?? { tokens: {}, names: {} }) : inMemoryCredentials!),
            }),
      handlers: {
        api: api as unknown as ProxyHandler,
        partnerApi: partnerApi as unknown as ProxyHandler,
        docs: docs as unknown as ProxyHandler,
        supervisionApi: supervisionApi as unknown as ProxyHandler,
      },
      authorizer: authorizer as never,
      // As the stack's authorizer: a result is cached for five minutes, so a too-narrow policy fails here too (and a
      // revoked token works that long: docs/security.md). Keyed on the token the authorizer reads, and bounded.
      // An entry lives no longer than its token: a JWT's `exp` ends it (local tokens do not expire).
      authorizerCache: { ttlSeconds: 300, maxEntries: 256, key: identityOf, expiresAt: tokenExpiryMs },
    });
    stops.push(() => gateway.close());

    const external = options.external ?? {};
    const given = (code: keyof typeof external) => {
      const e = external[code];
      return e && 'push' in e ? e.secret : undefined;
    };
    const secrets = Object.fromEntries([
      ...departments.map((d) => [d.code, given(d.code) ?? randomBytes(32).toString('base64url')]),
      ...Object.entries(options.offices ?? {}).map(([office, o]) => [office, o.secret ?? randomBytes(32).toString('base64url')]),
    ]);
    const simulators =
      options.simulators === false
        ? undefined
        : await startDepartmentSimulators({
            secrets,
            hubUrl: gateway.url,
            tokens,
            delayMs: options.simulatorDelayMs,
            ackInResponse: options.simulatorAckInResponse,
            without: Object.keys(external),
            log,
          });
    if (simulators) stops.push(() => simulators.close());
    const pollers = await startAdapters({ sqs, provisioned, secrets, simulators, maxReceiveCount, options, log });
    for (const poller of Object.values(pollers)) stops.push(() => poller!.stop());
    // The read audit's consumer, as its Lambda's event source on AWS (docs/decisions/0016-read-audit.md).
    const { handler: readAuditConsumer } = await import('../../services/audit/reads-consumer.ts');
    const readAuditPoller = createSqsPoller({
      sqs,
      queueUrl: provisioned.readAudit.url,
      queueArn: provisioned.readAudit.arn,
      handler: readAuditConsumer,
      functionName: 'read-audit',
      waitTimeSeconds: options.waitTimeSeconds ?? 20,
      // The stack's window (services/topology/storage.ts), unless the run sets one (the tests' 0), and never more
      // than a fifth of the queue's visibility timeout: the received messages stay invisible while the window
      // gathers more, and npm start's 5 s visibility (the stack's is 30 s) would let them come back mid-batch.
      batchingWindowMs:
        options.batchingWindowMs ??
        Math.min(readAudit.batchingWindowSeconds, Math.floor(Math.min(options.visibilityTimeoutSeconds ?? 5, readAudit.visibilityTimeoutSeconds) / 5)) * 1000,
      maxNumberOfMessages: readAudit.batchSize,
      onError: (err, phase) => log(`read audit (${phase}): ${(err as Error).message}`),
    });
    readAuditPoller.start();
    stops.push(() => readAuditPoller.stop());
    // The in-memory queues lost whatever they held when the last run ended: send it again.
    const { resent } = await sweeps.redispatchStuck(0);
    if (resent) log(`re-dispatched ${resent} task(s) that were dispatched but not delivered`);

    const every = (seconds: number, fn: () => Promise<unknown>) => {
      if (!seconds) return;
      const timer = setInterval(() => void fn().catch((err) => log(`sweep: ${(err as Error).message}`)), seconds * 1000);
      timer.unref();
      stops.push(async () => clearInterval(timer));
    };
    // Re-send only what has outlived every retry of its message.
    const retryWindow = (options.visibilityTimeoutSeconds ?? 5) * (maxReceiveCount + 1) + 60;
    every(options.redispatchEverySeconds ?? 60, () => sweeps.redispatchStuck(retryWindow));
    every(options.overdueEverySeconds ?? 60, async () => {
      await openRecurring();
      await sweeps.flagOverdue();
      await escalateOverdue();
      await draftReports();
    });
    // The stack runs the clocks daily; here they run at start and then often, so a child admitted near a date in its
    // life shows what its clock opened within a minute (a clock opens its task once, however often it runs).
    const clocksEvery = options.clocksEverySeconds ?? 3600;
    if (clocksEvery) await sweepClocks().catch((err) => log(`clocks: ${(err as Error).message}`));
    every(clocksEvery, () => sweepClocks());

    // Where the hub answers, beside its credentials: the `hub` command line's default (scripts/cli/client.ts).
    if (credentialsFile) {
      const addressFile = join(dirname(credentialsFile), 'hub.json');
      writeFileSync(addressFile, `${JSON.stringify({ apiUrl: gateway.url })}\n`);
      stops.push(async () => rmSync(addressFile, { force: true }));
    }

    return {
      apiUrl: gateway.url,
      tokens,
      credentialsFile,
      provisioned,
      endpoints,
      simulators,
      pollers,
      readAuditPoller,
      pollerSqs: sqs,
      secrets,
      redispatch: (olderThan = retryWindow) => sweeps.redispatchStuck(olderThan),
      flagOverdue: (now) => sweeps.flagOverdue(now),
      openRecurring: (now) => openRecurring(now),
      sweepClocks: (now) => sweepClocks(now),
      escalate: (now) => escalateOverdue(now),
      draftReports: (now) => draftReports(now),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
