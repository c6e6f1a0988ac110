// How every hub function is built: the runtime, esbuild's target and the ESM settings the AWS SDK v3 needs.
// `npm run bench:bundles` builds with the same settings, so what it measures is what the stack ships.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The repository root: entries in services/topology.ts are relative to it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js runtime aws-cdk-lib offers, the Node everything here runs on (docs/decisions/0008-node-24.md). */
export const HUB_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** esbuild target matching HUB_RUNTIME. */
export const ESBUILD_TARGET = 'node24';
/** ESM bundles of CommonJS dependencies (the AWS SDK among them) need a real `require`. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Bundling every hub function shares; a function may add to it, not replace the ESM settings. */
export const hubBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: ESBUILD_TARGET,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Ship the SDK version the tests ran against instead of the one the runtime happens to carry.
  bundleAwsSDK: true,
};
