// Writes (or completes) the bearer-token file of the LocalStack deployment: the same principals and token format
// as `npm start` (services/auth/local-credentials.ts), in a file of its own so the two never share tokens.
// Existing tokens are kept, so a redeploy does not invalidate tokens a tester has pasted somewhere.
//   npx tsx scripts/localstack/credentials.ts [file]     default .local/localstack/credentials.json
import { resolve } from 'node:path';
import { ensureLocalCredentials } from '../local/credentials.ts';

const file = resolve(process.argv[2] ?? '.local/localstack/credentials.json');
const tokens = ensureLocalCredentials(file);
console.log(`${Object.keys(tokens).length} identities (organisations and their people), tokens in ${file}`);
