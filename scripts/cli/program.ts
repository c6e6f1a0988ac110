// The `hub` program on commander: the options every command shares, and each group of commands. Errors become exit
// codes in one place (scripts/hub.ts): 2 bad arguments, 1 refused by the hub or no hub running.
import { Command, Option } from '@commander-js/extra-typings';
import { departmentCommands } from './commands/department.ts';
import { importCommand } from './commands/import.ts';
import { localCommands } from './commands/local.ts';
import { staffCommands } from './commands/staff.ts';
import { transferCommands } from './commands/transfers.ts';
import { context } from './context.ts';
import type { CommandIo } from './output.ts';

// The operator commands' table options (the rule: scripts/operations/table-name.ts, not loaded here: the topology is
// heavy for every other command's start). What is typed for this run beats what the environment holds.
const PREFIX_HELP = "resource name prefix of the deployment: its state table is <p> + the topology's name (beats $TABLE_NAME)";
const TABLE_HELP = "the state table by name (beats --prefix and $TABLE_NAME); with neither, $TABLE_NAME, else the topology's name";

export interface RunState {
  exit: number;
}

export function buildProgram(io: CommandIo, state: RunState) {
  const program = new Command()
    .name('hub')
    .description('The child welfare hub from the terminal: the REST API as a chosen principal, bulk import, operator tools.')
    .addOption(new Option('--url <url>', 'the hub (default: the one npm start wrote, else http://localhost:3000)').env('HUB_URL'))
    .addOption(new Option('--token <token>', 'bearer token (better: HUB_TOKEN, arguments show in ps)').env('HUB_TOKEN'))
    .option('--as <principal>', 'act as a principal of the local credentials, e.g. staff:CWI-450100')
    .addOption(new Option('--credentials <file>', 'local credentials (default .local/credentials.json)').env('HUB_CREDENTIALS'))
    .option('--json', 'print one JSON document on stdout, nothing else')
    // These options come before the command (hub --as staff:CWI-450100 child …), so that a command may have
    // options of its own by the same names (partner-check's --url is the department's endpoint).
    .enablePositionalOptions()
    .showHelpAfterError("(run 'hub --help' or 'hub <command> --help')")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(s) });

  staffCommands(program, io);
  departmentCommands(program, io);
  transferCommands(program, io);
  importCommand(program, io);
  localCommands(program, io);

  program
    .command('redrive')
    .description("resume the tasks parked in a department's dead-letter queue (talks to SQS, not the API)")
    .requiredOption('-d, --department <code>')
    .option('--prefix <p>', PREFIX_HELP)
    .option('--table <name>', TABLE_HELP)
    .action(async (opts) => {
      // Loaded when used: the SQS client and the partner check are heavy for every other command's start.
      const { redriveCommand } = await import('../operations/redrive-command.ts');
      state.exit = await redriveCommand.run(opts, io);
    });

  // Its options are checked by the command itself (scripts/partner-check/command.ts): an unknown department names
  // the valid codes, which this file does not load (the topology is heavy for every other command's start).
  program
    .command('partner-check')
    .description("check a department's push endpoint against its contract (signed sample tasks)")
    .option('-d, --department <code>', 'the department (an unknown code is answered with the valid ones)')
    .option('-u, --url <endpoint>', "the department's push endpoint (use a test endpoint: sample tasks are sent)")
    .option('--secret <secret>', 'the shared signing secret; better: set HUB_PARTNER_SECRET (arguments show in ps)')
    .option('--timeout <seconds>', "time limit per request (default 10, the hub's push time limit)")
    .option('--json', 'print the report as JSON (for CI)')
    .option('--print-sample <type>', 'print one signed sample request of that task type (headers and body) and send nothing; --url is then optional')
    .addOption(new Option('--hub-url <url>').hideHelp())
    .addOption(new Option('--token <token>').hideHelp())
    .addHelpText('after', '\nSee docs/partner-check.md. Exit code: 0 all checks passed (warnings allowed), 1 a check failed, 2 bad arguments.')
    .action(async (opts) => {
      const { runPartnerCheckCommand } = await import('../partner-check/command.ts');
      state.exit = await runPartnerCheckCommand(opts, io);
    });

  program
    .command('audit')
    .description("verify the hash chain of every task's history (audit verify; reads the table, not the API)")
    .command('verify')
    .description("check every task's history chain in the state table; name each broken one at its first broken link (exit 1)")
    .option('--prefix <p>', PREFIX_HELP)
    .option('--table <name>', TABLE_HELP)
    .action(async (opts) => {
      const { auditVerify } = await import('../operations/audit-command.ts');
      state.exit = await auditVerify(opts, io);
    });

  program
    .command('migrate')
    .description("move the state table's tasks to its current layout, once after a deploy (reads and writes the table)")
    .option('--prefix <p>', PREFIX_HELP)
    .option('--table <name>', TABLE_HELP)
    .addHelpText('after', "\nRewrites the inbox key of every task still in the table's first layout, in place, without changing the task\n(docs/decisions/0017-state-table-v2.md). Safe to run again. AWS credentials and region, or AWS_ENDPOINT_URL, from the\nenvironment.")
    .action(async (opts) => {
      const { migrateTable } = await import('../operations/migrate-command.ts');
      state.exit = await migrateTable(opts, io);
    });

  program
    .command('report')
    .description('the semi-annual progress report of a city, as its supervisor: JSON, CSV or XLSX')
    .requiredOption('--city <code>', "the city's division code (450000: the whole region, for the region's supervisor)")
    .requiredOption('--period <period>', 'the half year, YYYY-H1 (to 31 May) or YYYY-H2 (to 30 November)')
    .addOption(new Option('--format <format>', 'json prints (unless --out); csv and xlsx write a file').choices(['json', 'csv', 'xlsx'] as const).default('json' as const))
    .option('--out <file>', 'where to write (default progress-<city>-<period>.<format>)')
    .action(async (opts, cmd) => {
      const { report } = await import('../operations/report-command.ts');
      await report(context(cmd, io), opts);
    });

  // Subcommands inherit the output, the error handling and the help hint.
  for (const c of allCommands(program)) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  return program;
}

function allCommands(c: Command<any, any, any>): Command<any, any, any>[] {
  return c.commands.flatMap((sub) => [sub as Command<any, any, any>, ...allCommands(sub as Command<any, any, any>)]);
}
