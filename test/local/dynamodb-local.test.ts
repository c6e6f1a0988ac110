// DynamoDB Local's lifecycle on a persistent data directory: a JVM left behind must never block the next start.
// Three JVM starts in sequence (one in a child process that is killed hard), so this is the slow file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb-local.ts';
import { isAlive, PID_FILE_NAME } from '../../scripts/local/dynamodb-orphans.ts';
import { freePort } from '../../scripts/local/ports.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ddb-local-test-'));
const pidFile = join(dataDir, PID_FILE_NAME);
const childScript = fileURLToPath(new URL('./fixtures/dynamodb-local-child.ts', import.meta.url));
const children: ChildProcess[] = [];
const jvms: number[] = [];

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const pid of jvms) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A Node process that starts DynamoDB Local on `dataDir` and `port`, as `npm start` would. */
async function startInChild(port: number): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"pid"'));
      if (line) resolve((JSON.parse(line) as { pid: number }).pid);
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
  });
  jvms.push(pid);
  return { child, pid };
}

const client = (port: number) =>
  new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
  });

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return condition();
}

describe.runIf(process.platform === 'linux')('DynamoDB Local on a data directory', () => {
  // One fixed port, as the local runtime uses: an orphan holds it, and the next start would fail on it.
  let port: number;
  let inChild: { child: ChildProcess; pid: number };

  it('replaces a JVM whose handle was dropped, found through the pid file, keeping the data', { timeout: 90_000 }, async () => {
    port = await freePort();
    const dropped = await startDynamoDbLocal({ dataDir, port });
    jvms.push(dropped.pid);
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: dropped.pid, port });
    const c1 = client(port);
    await c1.send(
      new CreateTableCommand({
        TableName: 'persisted',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await c1.send(new PutItemCommand({ TableName: 'persisted', Item: { pk: { S: 'k' }, v: { S: 'kept' } } }));
    c1.destroy();

    // Never stopped: to the next start (another process, as after a crash) it is an orphan on port and file.
    inChild = await startInChild(port);
    expect(inChild.pid).not.toBe(dropped.pid);
    expect(isAlive(dropped.pid)).toBe(false);
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: inChild.pid, port });
    expect(await readKept(port)).toBe('kept');
  });

  it('takes the JVM along when its parent is killed hard (the watchdog)', { timeout: 30_000 }, async () => {
    expect(isAlive(inChild.pid)).toBe(true);
    inChild.child.kill('SIGKILL');
    // The watchdog sends SIGTERM at once and SIGKILL 3 s later.
    expect(await waitUntil(() => !isAlive(inChild.pid), 8000)).toBe(true);
    // Nobody removed the pid file.
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: inChild.pid });
  });

  it('starts over a stale pid file, and stop() removes it', { timeout: 90_000 }, async () => {
    const db = await startDynamoDbLocal({ dataDir, port });
    jvms.push(db.pid);
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: db.pid, port });
    expect(await readKept(port)).toBe('kept');
    await db.stop();
    expect(isAlive(db.pid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  });
});

async function readKept(port: number): Promise<string | undefined> {
  const c = client(port);
  try {
    const { Item } = await c.send(new GetItemCommand({ TableName: 'persisted', Key: { pk: { S: 'k' } } }));
    return Item?.v?.S;
  } finally {
    c.destroy();
  }
}

describe('DynamoDB Local start-up errors', () => {
  it('fails at once with a plain message when the port is taken', async () => {
    const blocker: Server = createServer();
    const taken = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const t = Date.now();
      await expect(startDynamoDbLocal({ port: taken })).rejects.toThrow(`DynamoDB Local cannot use port ${taken}`);
      expect(Date.now() - t).toBeLessThan(1000);
    } finally {
      blocker.close();
    }
  });

  it('says Java is missing when it is', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(/needs Java 17 or newer.*not found on PATH/);
    } finally {
      process.env.PATH = path;
    }
  });
});
