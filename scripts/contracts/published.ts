// Published contract versions: contracts/published/ holds, per task type and major version, the JSON Schema of
// its input, request and result as last published (and the envelope's). A contract in the topology must be
// published; a published one must stay compatible (compat.ts) or become a new major version.
import { canonicalJson } from './canonical.ts';
import { checkCompatibility, type BreakingChange } from './compat.ts';
import type { Json } from './schema-reading.ts';
import type { SchemaDoc } from './schemas.ts';
import { listFiles, PUBLISH_COMMAND } from './build.ts';

export const PUBLISHED_DIR = 'contracts/published';
export const publishedPath = (s: Pick<SchemaDoc, 'file'>) => `${PUBLISHED_DIR}/${s.file}`;

export interface PublishedReport {
  /** Current schemas that break their published version. */
  breaking: { file: string; key: string; changes: BreakingChange[] }[];
  /** Compatible but different from the snapshot: publishing refreshes the snapshot. */
  evolved: string[];
  /** In the topology, never published. */
  unpublished: string[];
  /** Published, no longer generated: a published version was removed from the topology. */
  retired: string[];
}

export function comparePublished(
  root: string,
  schemas: SchemaDoc[],
  read: (path: string) => string | undefined,
): PublishedReport {
  const report: PublishedReport = { breaking: [], evolved: [], unpublished: [], retired: [] };
  for (const s of schemas) {
    const text = read(publishedPath(s));
    if (text === undefined) {
      report.unpublished.push(publishedPath(s));
      continue;
    }
    if (text === canonicalJson(s.schema)) continue;
    const changes = checkCompatibility(JSON.parse(text) as Json, s.schema, s.role);
    if (changes.length) report.breaking.push({ file: publishedPath(s), key: s.key, changes });
    else report.evolved.push(publishedPath(s));
  }
  const current = new Set(schemas.map(publishedPath));
  report.retired = listFiles(root, PUBLISHED_DIR).filter((p) => p.endsWith('.schema.json') && !current.has(p));
  return report;
}

export function describeBreaking(report: PublishedReport): string {
  return report.breaking
    .map(
      ({ file, key, changes }) =>
        `${file} (${key}) is published; these changes break it:\n` +
        changes.map((c) => `  - ${c.path}: ${c.message}`).join('\n') +
        (key.startsWith('envelope.')
          ? '\nPublish a new major version instead: a new envelope version (contracts/envelope.ts, ENVELOPE_VERSION in ' +
            'scripts/contracts/schemas.ts), or keep the published shape.'
          : '\nPublish a new major version instead: add a .v<N+1>.ts contract beside the old one and list it in ' +
            'services/topology.ts.') +
        `\nA false alarm, after review: ${PUBLISH_COMMAND} --accept-breaking=${key} (docs/decisions/0005-contract-versioning.md).`,
    )
    .join('\n\n');
}

export function describeUnpublished(report: PublishedReport): string {
  return `in the topology but not published:\n${report.unpublished.map((p) => `  ${p}`).join('\n')}\nRun: ${PUBLISH_COMMAND}`;
}

export function describeRetired(report: PublishedReport): string {
  return (
    `published but no longer in the topology:\n${report.retired.map((p) => `  ${p}`).join('\n')}\n` +
    'Departments and tasks in flight may still use a published version. If retiring it is intended, delete its ' +
    'snapshots from contracts/published/ in the same change, so the retirement is reviewed.'
  );
}
