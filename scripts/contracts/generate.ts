// Writes contracts/generated/ (JSON Schemas, AsyncAPI, OpenAPI) from the zod contracts and the topology.
//
//   npx tsx scripts/contracts/generate.ts            write contracts/generated/, remove stale files there
//   npx tsx scripts/contracts/generate.ts --check    write nothing; exit 1 listing drifted files (CI)
//   npx tsx scripts/contracts/generate.ts --publish  also snapshot every contract version into contracts/published/
//                                                    (new versions, and compatible changes to published ones)
//   ... --publish --accept-breaking=<key>[,<key>]    also snapshot the named versions (e.g. envelope.v1) despite the
//                                                    changes the checker calls breaking: only after review decided
//                                                    it is a false alarm (say why in the pull request)
//
// Every mode also compares each schema with its published snapshot and exits 1 on a breaking change: a published
// version changes compatibly or not at all (docs/decisions/0005-contract-versioning.md).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGenerated, describeDrift, findDrift, hasDrift } from './build.ts';
import { canonicalJson } from './canonical.ts';
import { comparePublished, describeBreaking, describeRetired, describeUnpublished, publishedPath } from './published.ts';
import { allSchemas } from './all-schemas.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
};
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};

const ACCEPT = '--accept-breaking=';
const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => !a.startsWith(ACCEPT)));
const accepted = new Set(argv.filter((a) => a.startsWith(ACCEPT)).flatMap((a) => a.slice(ACCEPT.length).split(',')).filter(Boolean));
const unknown = [...args].filter((a) => !['--check', '--publish'].includes(a));
if (unknown.length || (args.has('--check') && args.has('--publish')) || (accepted.size && !args.has('--publish'))) {
  console.error('usage: npx tsx scripts/contracts/generate.ts [--check | --publish [--accept-breaking=<type>.v<N>,...]]');
  process.exit(2);
}
const check = args.has('--check');
const publish = args.has('--publish');
const schemas = allSchemas();
const unknownKeys = [...accepted].filter((k) => !schemas.some((s) => s.key === k));
if (unknownKeys.length) {
  console.error(`--accept-breaking names no contract version: ${unknownKeys.join(', ')}`);
  process.exit(2);
}

let failed = false;
const files = buildGenerated(root);
const drift = findDrift(root, files, read);

if (check) {
  if (hasDrift(drift)) {
    console.error(describeDrift(drift));
    failed = true;
  } else {
    console.log(`contracts/generated/ is up to date (${files.size} files)`);
  }
} else {
  for (const path of [...drift.changed, ...drift.missing]) write(path, files.get(path)!);
  for (const path of drift.stale) rmSync(join(root, path));
  const touched = drift.changed.length + drift.missing.length + drift.stale.length;
  console.log(
    touched
      ? `contracts/generated/: ${drift.changed.length} changed, ${drift.missing.length} added, ${drift.stale.length} removed`
      : `contracts/generated/ was up to date (${files.size} files)`,
  );
}

const report = comparePublished(root, schemas, read);
const overridden = publish ? report.breaking.filter((b) => accepted.has(b.key)) : [];
const breaking = { ...report, breaking: report.breaking.filter((b) => !overridden.includes(b)) };
if (overridden.length) {
  console.warn(`\nAccepted despite the checker (--accept-breaking):\n${describeBreaking({ ...report, breaking: overridden })}`);
}
if (breaking.breaking.length) {
  console.error(`\n${describeBreaking(breaking)}`);
  failed = true;
}
if (publish) {
  const refused = new Set(breaking.breaking.map((b) => b.file));
  let written = 0;
  for (const s of schemas) {
    const path = publishedPath(s);
    const content = canonicalJson(s.schema);
    if (refused.has(path) || read(path) === content) continue;
    write(path, content);
    written++;
  }
  console.log(`contracts/published/: ${written} snapshot(s) written${refused.size ? `, ${refused.size} refused (breaking)` : ''}`);
} else if (report.unpublished.length) {
  console.error(`\n${describeUnpublished(report)}`);
  failed = true;
} else if (report.evolved.length) {
  console.log(`\n${report.evolved.length} published schema(s) changed compatibly; refresh their snapshots with --publish when released.`);
}
if (report.retired.length) {
  console.error(`\n${describeRetired(report)}`);
  failed = true;
}

process.exit(failed ? 1 : 0);
