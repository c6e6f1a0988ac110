// What a command prints: a table for people, or with --json one JSON document on stdout and nothing else;
// a progress bar on long work, only when stdout is a terminal (never in a pipe, a file or a test).
import { SingleBar, Presets } from 'cli-progress';
import Table from 'cli-table3';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal: progress bars only then. */
  isTty?: boolean;
}

export interface Printer {
  json: boolean;
  /** With --json: the document; otherwise `human()` prints. */
  result(document: unknown, human: () => void): void;
  table(head: string[], rows: (string | number | boolean | undefined)[][]): void;
  line(text: string): void;
  progress(total: number, label: string): Progress;
}

export interface Progress {
  tick(by?: number): void;
  stop(): void;
}

const none: Progress = { tick: () => {}, stop: () => {} };

export function printer(io: CommandIo, json: boolean): Printer {
  return {
    json,
    result(document, human) {
      if (json) io.stdout(`${JSON.stringify(document, null, 2)}\n`);
      else human();
    },
    table(head, rows) {
      const t = new Table({ head, style: { head: [], border: [] } });
      for (const r of rows) t.push(r.map((c) => (c === undefined ? '' : String(c))));
      io.stdout(`${t.toString()}\n`);
    },
    line(text) {
      io.stdout(`${text}\n`);
    },
    progress(total, label) {
      if (json || !io.isTty) return none;
      const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`, hideCursor: true }, Presets.shades_classic);
      bar.start(total, 0);
      return { tick: (by = 1) => bar.increment(by), stop: () => bar.stop() };
    },
  };
}
