// The `hub` program on commander: the options every command shares, and each group of commands. Errors become exit
// codes in one place (scripts/hub.ts): 2 bad arguments, 1 refused by the hub or no hub running.
import { Command, Option } from '@commander-js/extra-typings';
import { departmentCommands } from './commands/department.ts';
import { importCommand } from './commands/import.ts';
import { localCommands } from './commands/local.ts';
import { staffCommands } from './commands/staff.ts';
import { transferCommands } from './commands/transfers.ts';
import type { CommandIo } from './output.ts';

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
    .option('--prefix <p>', 'resource name prefix of the deployment', '')
    .option('--table <name>', 'state table (default $TABLE_NAME, else the topology name with the prefix)')
    .action(async (opts) => {
      // Loaded when used: the SQS client and the partner check are heavy for every other command's start.
      const { redriveCommand } = await import('../operations/redrive-command.ts');
      state.exit = await redriveCommand.run(opts, io);
    });

  program
    .command('partner-check')
    .description("check a department's push endpoint against its contract (signed sample tasks)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[options...]', "see 'hub partner-check --help'")
    .action(async (args) => {
      const { runPartnerCheckCommand } = await import('../partner-check/command.ts');
      state.exit = await runPartnerCheckCommand(args, io);
    });

  program
    .command('audit')
    .description("verify the hash chain of every task's history (audit verify; reads the table, not the API)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[args...]', "see 'hub audit --help'")
    .action(async (args) => {
      const { auditCommand } = await import('../operations/audit-command.ts');
      state.exit = await auditCommand.run(args, io);
    });

  program
    .command('migrate')
    .description("move the state table's tasks to its current layout, once after a deploy (reads and writes the table)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[args...]', "see 'hub migrate --help'")
    .action(async (args) => {
      const { migrateCommand } = await import('../operations/migrate-command.ts');
      state.exit = await migrateCommand.run(args, io);
    });

  program
    .command('report')
    .description('the semi-annual progress report of a city, as its supervisor (HUB_TOKEN): JSON, CSV or XLSX')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[args...]', "see 'hub report --help'")
    .action(async (args) => {
      const { reportCommand } = await import('../operations/report-command.ts');
      state.exit = await reportCommand.run(args, io);
    });

  // Subcommands inherit the output, the error handling and the help hint.
  for (const c of allCommands(program)) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  return program;
}

function allCommands(c: Command<any, any, any>): Command<any, any, any>[] {
  return c.commands.flatMap((sub) => [sub as Command<any, any, any>, ...allCommands(sub as Command<any, any, any>)]);
}
