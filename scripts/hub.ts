// `hub <command> [options]`: the hub's command line (commander; the program is scripts/cli/program.ts).
//   npx hub --help · npx hub --as staff:CWI-450100 child <childId> · npx hub import children.xlsx --institution CWI-450100
// Exit codes: 0 done, 1 the hub refused (its status and the fields it named) or no hub answers, 2 bad arguments or configuration (no AWS region).
import './require-node.ts';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from '@commander-js/extra-typings';
import { RefusedError, UnreachableError, UsageError } from './cli/client.ts';
import type { CommandIo } from './cli/output.ts';
import { buildProgram, type RunState } from './cli/program.ts';

export type { CommandIo };

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const state: RunState = { exit: 0 };
  const program = buildProgram(io, state);
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; everything else commander refuses is a bad argument.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version' ? 0 : 2;
    }
    const line = (err as Error).message.split('\n')[0];
    if (err instanceof UsageError) return io.stderr(`hub: ${line}\n`), 2;
    if (err instanceof RefusedError || err instanceof UnreachableError) return io.stderr(`hub: ${line}\n`), 1;
    // An endpoint that does not answer (no DynamoDB Local on that port, a wrong AWS_ENDPOINT_URL): the address in one
    // line, not Node's stack. Node reports a host with several addresses as an AggregateError with an empty message;
    // the SDK gives it $metadata, so this comes before the service's refusals.
    const network = networkFailure(err);
    if (network) return io.stderr(`hub: cannot reach the endpoint: ${network}\n`), 1;
    // An AWS service's refusal (no such table, access denied) is the operator's to act on: named in one line, with
    // no stack, which would be the SDK's and not the hub's.
    if ((err as { $metadata?: unknown }).$metadata !== undefined) return io.stderr(`hub: ${(err as Error).name}: ${line}\n`), 1;
    io.stderr(`hub: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function networkFailure(err: unknown): string | undefined {
  const e = err as { code?: unknown; message?: string; errors?: { message?: string }[] };
  if (typeof e?.code !== 'string' || !NETWORK_CODES.has(e.code)) return undefined;
  return (e.message || e.errors?.map((x) => x.message).filter(Boolean).join('; ') || e.code).split('\n')[0];
}

// Run only when executed (tsx scripts/hub.ts, bin/hub.mjs), not when imported by a test.
function invokedDirectly(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]!) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
  });
}

if (invokedDirectly()) await runFromProcess();
