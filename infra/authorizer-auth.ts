// How the authorizer verifies bearer tokens in each deployment. Every deployment verifies JWTs of its identity
// provider, except a `local` (LocalStack) deployment given a local credentials file: its bundle then carries that
// file and the authorizer runs with AUTH_MODE=local, so a tester uses the tokens `npm run deploy:local` wrote.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './bundling.ts';
import type { Config } from './config.ts';
import type { HubFunctionProps } from './hub-function.ts';

/** Where the `local` deployment's authorizer finds its credentials file: the root of its bundle (LAMBDA_TASK_ROOT). */
export const BUNDLED_CREDENTIALS_PATH = '/var/task/local-credentials.json';

/** Refused for anything but `local` here too, even if a hand-built Config asks for it (the schema refuses it first). */
export function authorizerAuth(config: Config): Pick<HubFunctionProps, 'environment' | 'bundling'> {
  const jwt = {
    environment: {
      AUTH_MODE: 'jwt',
      JWT_ISSUER: config.auth.issuer,
      JWT_AUDIENCE: config.auth.audience,
      JWKS_URL: config.auth.jwksUrl,
    },
  };
  if (!config.localCredentialsFile) return jwt;
  if (config.deployment !== 'local') {
    throw new Error(`local credentials are for the local (LocalStack) deployment only; the ${config.deployment} deployment verifies JWTs`);
  }
  const file = path.resolve(config.localCredentialsFile);
  let entries = 0;
  try {
    const parsed: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) entries = Object.keys(parsed).length;
  } catch {
    // reported below
  }
  if (!entries) {
    throw new Error(`local credentials file ${file} is missing, not JSON or empty; \`npm run deploy:local\` writes it`);
  }
  const inProject = path.relative(projectRoot, file);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    environment: { AUTH_MODE: 'local', LOCAL_CREDENTIALS_FILE: BUNDLED_CREDENTIALS_PATH },
    bundling: {
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        // Docker bundling mounts the project at inputDir; local bundling (esbuild installed) has it in place.
        afterBundling: (inputDir: string, outputDir: string) => [
          `cp ${quote(inProject.startsWith('..') ? file : path.posix.join(inputDir, inProject.split(path.sep).join('/')))} ${quote(
            path.posix.join(outputDir, path.basename(BUNDLED_CREDENTIALS_PATH)),
          )}`,
        ],
      },
    },
  };
}
