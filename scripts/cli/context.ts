// What every command's action gets: the API client as the chosen principal, the printer, and the body it sends
// built from a JSON file and `--set key=value` flags (a value that reads as JSON is taken as JSON: true, 3, […]).
import { readFileSync } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { hubClient, UsageError, type Connection, type HubClient } from './client.ts';
import { printer, type CommandIo, type Printer } from './output.ts';

export interface Ctx {
  api: HubClient;
  out: Printer;
  io: CommandIo;
}

export interface GlobalOptions extends Connection {
  json?: boolean;
}

export type Action<A extends unknown[]> = (ctx: Ctx, ...args: A) => Promise<void>;

/** The connection options and --json, read from the root program whichever subcommand runs. */
export function context(command: Command<any, any, any>, io: CommandIo): Ctx {
  let root: Command<any, any, any> = command;
  while (root.parent) root = root.parent;
  const opts = root.opts() as GlobalOptions;
  return { api: hubClient(opts, io.env), out: printer(io, Boolean(opts.json)), io };
}

export function readJsonFile(path: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${what}: cannot read ${path}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new UsageError(`${what}: ${path} is not a JSON object`);
  }
}

/** Collects repeated `--set key=value` flags. */
export function collectPair(value: string, previous: string[] = []): string[] {
  if (!/^[A-Za-z][\w.]*=/.test(value)) throw new UsageError(`--set '${value}' must be key=value`);
  return [...previous, value];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** The body from `--file` (if any) with each `--set` applied on top. */
export function bodyFrom(opts: { file?: string; set?: string[] }, what: string): Record<string, unknown> {
  const body = opts.file ? readJsonFile(opts.file, what) : {};
  for (const pair of opts.set ?? []) {
    const at = pair.indexOf('=');
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Plain text stays text.
    }
    setPath(body, pair.slice(0, at), value);
  }
  return body;
}
