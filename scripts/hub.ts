// `hub <command> [options]`: the hub's command line. Each command is one entry in `commands`, with its own
// arguments, help and exit code; a new one is a module exporting { name, summary, usage, run } and a line here.
//   npx tsx scripts/hub.ts partner-check --department education --url https://… (secret in HUB_PARTNER_SECRET)
//   npx tsx scripts/hub.ts help partner-check
import './require-node.ts';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { partnerCheckCommand, type CommandIo } from './partner-check/command.ts';
import { auditCommand } from './operations/audit-command.ts';
import { redriveCommand } from './operations/redrive-command.ts';

export type { CommandIo };

export interface HubCommand {
  name: string;
  /** One line for `hub --help`. */
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: CommandIo): Promise<number>;
}

export const commands: HubCommand[] = [partnerCheckCommand, redriveCommand, auditCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: hub <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "run 'hub <command> --help' for a command's options",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr(overview());
    return 2;
  }
  if (name === '-h' || name === '--help') {
    io.stdout(overview());
    return 0;
  }
  if (name === 'help') {
    const target = commands.find((c) => c.name === rest[0]);
    io.stdout(target ? target.usage : overview());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`hub: unknown command '${name}'; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`hub ${name}: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}

// Run only when executed (tsx scripts/hub.ts, or a symlink to it), not when imported by a test.
function invokedDirectly(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]!) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
  });
}
