// DynamoDB Local's lifecycle on a persistent data directory: a JVM left behind by a dead parent must never
// block the next start. Three JVM starts in sequence, so this file is the slow one (15-30 s on two cores).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, PID_FILE_NAME, startDynamoDbLocal, type DynamoDbLocal } from '../../services/local/dynamodb-local.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ddb-local-test-'));
const pidFile = join(dataDir, PID_FILE_NAME);
const started: DynamoDbLocal[] = [];
const childScript = fileURLToPath(new URL('./fixtures/dynamodb-local-child.ts', import.meta.url));

afterAll(async () => {
  await Promise.all(started.map((db) => db.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

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

describe('DynamoDB Local on a data directory', () => {
  it('dies with its parent when the parent is killed hard (SIGKILL)', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const { pid, port } = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{"pid"'));
        if (line) resolve(JSON.parse(line));
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
    });
    expect(isAlive(pid)).toBe(true);
    const c = client(port);
    await expect(c.send(new ListTablesCommand({}))).resolves.toBeDefined();
    c.destroy();

    child.kill('SIGKILL');
    // The watchdog sends SIGTERM at once and SIGKILL 3 s later.
    expect(await waitUntil(() => !isAlive(pid), 8000)).toBe(true);
    // The pid file is left behind: nobody got to clean up. The next test starts over it.
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid, port });
  });

  it('starts over an orphan it finds through the pid file, keeping the data', { timeout: 120_000 }, async () => {
    // One fixed port, as the local runtime uses: the orphan would hold it, and the next start would fail.
    const port = await freePort();
    const first = await startDynamoDbLocal({ dataDir, port });
    started.push(first);
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: first.pid, port: first.port });
    const c1 = client(first.port);
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

    // Drop the handle, as a crashed runtime would, and start again on the same directory.
    const second = await startDynamoDbLocal({ dataDir, port });
    started.push(second);
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(first.pid)).toBe(false);
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({ pid: second.pid, port });
    const c2 = client(second.port);
    const { Item } = await c2.send(new GetItemCommand({ TableName: 'persisted', Key: { pk: { S: 'k' } } }));
    c2.destroy();
    expect(Item?.v?.S).toBe('kept');

    await second.stop();
    expect(isAlive(second.pid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    // Stopping the dropped handle later is harmless.
    await expect(first.stop()).resolves.toBeUndefined();
  });

  it('fails at once with a plain message when the port is taken', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const t = Date.now();
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(`DynamoDB Local cannot use port ${port}`);
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
