// The scale run's children admitted by the bulk import, as an institution would bring them: a CSV of the same facts
// bench's admissions send (admissionBody), imported by `hub import` in this process against the embedded hub, then
// waited for until the simulated departments completed every task the rows opened. A progress bar on a TTY: the rows
// the hub has taken, then the tasks completed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importColumns, type ImportPageResult, type ImportProgress } from '../../contracts/api/imports.ts';
import { importIdOf } from '../cli/commands/import.ts';
import { writeSheet } from '../cli/spreadsheet.ts';
import { main } from '../hub.ts';
import type { Hub } from '../local/hub-options.ts';
import type { FetchProbe } from './fetch-probe.ts';
import { admissionBody, childOf, progress, untilCompleted, type LoadOptions, type LoadRun } from './load.ts';

const STAFF = 'staff:CWI-450100';

/** admissionBody(i) as a row of the template (the row key names it, since it has no identity number). */
function rowOf(i: number, headers: string[]): string[] {
  const a = admissionBody(i);
  const cells: Record<string, string> = {
    姓名: a.name, 性别: a.gender === 'male' ? '男' : '女', 出生日期: a.birthDate, 入院日期: a.admittedOn, 行键: `SCALE-${i}`,
    父母不明: '是', 已登记户口: '是', 残疾: '否', 捡拾报案证明编号: `SCALE-${i}`,
  };
  return headers.map((h) => cells[h] ?? '');
}

export async function runImportLoad(hub: Hub, probe: FetchProbe, o: Pick<LoadOptions, 'children' | 'timeoutMs' | 'label' | 'onTick'>): Promise<LoadRun & { importSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  try {
    const file = join(dir, 'children.csv');
    const headers = importColumns.map((c) => c.header);
    await writeSheet(file, headers, (function* () {
      for (let i = 0; i < o.children; i++) yield rowOf(i, headers);
    })());
    const importId = await importIdOf(file, 'CWI-450100');
    const token = hub.tokens[STAFF]!;
    const startedAt = performance.now();
    const ticker = setInterval(() => {
      o.onTick?.();
      if (!process.stderr.isTTY) return;
      void fetch(`${hub.apiUrl}/v1/imports/${importId}`, { headers: { authorization: `Bearer ${token}` } })
        .then(async (r) => (r.ok ? ((await r.json()) as ImportProgress) : undefined))
        .then((job) => job && progress(`${o.label} rows`, job.lastRow - 1, o.children));
    }, 1000);
    let out = '';
    const exit = await main(['--json', '--url', hub.apiUrl, '--token', token, 'import', file, '--institution', 'CWI-450100'], {
      stdout: (t) => void (out += t),
      stderr: (t) => void process.stderr.write(t),
      env: process.env,
    }).finally(() => clearInterval(ticker));
    const importSeconds = (performance.now() - startedAt) / 1000;
    if (exit !== 0) throw new Error(`hub import exited with ${exit}`);
    progress(`${o.label} rows`, o.children, o.children, true);
    const summary = JSON.parse(out) as Omit<ImportPageResult, 'progress'>;
    // The rows' tasks opened while the import ran; each counts from the import's start.
    const openedAt = new Map(summary.admitted.map((a) => [a.childId, startedAt]));
    const tasks = summary.admitted.reduce((n, a) => n + a.tasks, 0);
    const run = await untilCompleted(probe, { openedAt, tasks, startedAt, isMine: (id) => openedAt.has(childOf(id)) }, o);
    return { ...run, importSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
