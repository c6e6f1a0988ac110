// The hub the import benchmark measures, in a process of its own (so its memory is its own): the embedded hub with
// DynamoDB Local, the SQS emulator and the simulators, credentials and address in the directory given.
//   tsx scripts/bench/import-hub.ts <dir>
import '../require-node.ts';
import { startHub } from '../local/hub.ts';

process.env.LOG_LEVEL = 'ERROR';
const hub = await startHub({ port: 0, dataDir: process.argv[2], prefix: `bench-import-${Date.now()}-`, redispatchEverySeconds: 0, overdueEverySeconds: 0 });
process.stdout.write(`ready ${hub.apiUrl}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void hub.stop().then(() => process.exit(0)));
