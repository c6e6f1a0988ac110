// The console's build: static assets for the local gateway (npm start) and, later, the stack's hosting.
// Preact with its automatic JSX runtime; contracts and topology are imported from the repository as they are.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Lists the repository files the build read, so `npm start` knows when the build is stale (console-build.ts). */
function sourceList(): Plugin {
  return {
    name: 'hub-console-sources',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && !id.includes('/node_modules/') && id.startsWith(repoRoot))
        .map((id) => relative(repoRoot, id.split('?')[0]!))
        .sort();
      this.emitFile({ type: 'asset', fileName: '.sources.json', source: JSON.stringify([...new Set(files)], null, 1) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [sourceList()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The budget test (test/console/budget.test.ts) reads from the manifest which files each page loads.
    manifest: true,
    target: 'es2022',
    sourcemap: false,
  },
});
