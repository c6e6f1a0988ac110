// One logger. Logs carry ids (child, task, institution, department), never names or identity numbers.
// A JSON line per entry, in the shape the Powertools logger wrote (decision 0022: its 6.7 KB gzipped in every bundle
// served four methods): level, message, timestamp, service, sampling_rate, xray_trace_id (on AWS), then the keys
// given; an Error among them as { name, location, message, stack }. LOG_LEVEL filters (DEBUG, INFO, WARN, ERROR,
// CRITICAL, SILENT), and Lambda's own level (AWS_LAMBDA_LOG_LEVEL, the function's application log level) when it is
// stricter: Lambda would drop those lines anyway. DEBUG and INFO go to stdout, WARN and ERROR to stderr.
import { serviceName } from '../topology/storage.ts';

export const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
export type LogLevel = keyof typeof LEVELS;

const levelOf = (name: string | undefined): number | undefined => LEVELS[name?.toUpperCase() as LogLevel];

/** Where in the code an error was thrown: the first stack frame naming a file and line in parentheses. */
function location(stack: string | undefined): string {
  for (const line of stack?.split('\n') ?? []) {
    const at = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/.exec(line);
    if (at) return `${at[1]}:${Number(at[2])}`;
  }
  return '';
}

/** An Error as Powertools wrote it: name, location, message, stack, cause, then its own other fields (an SDK error's). */
function serialise(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const out: Record<string, unknown> = {
    name: value.name,
    location: location(value.stack),
    message: value.message,
    stack: value.stack,
    cause: serialise(value.cause),
  };
  for (const key of Object.keys(value)) if (!['name', 'message', 'stack', 'cause'].includes(key)) out[key] = (value as unknown as Record<string, unknown>)[key];
  return out;
}

/**
 * A log line never throws: a value seen before on the way down (an SDK error's response points back at its request)
 * is left out, and a BigInt written as its digits, as Powertools' replacer did.
 */
function safeReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  };
}

export class Logger {
  private threshold: number;

  constructor(
    private readonly options: { serviceName: string; logLevel?: string; write?: (level: LogLevel, line: string) => void },
  ) {
    this.threshold = LEVELS.INFO;
    this.setLogLevel(options.logLevel ?? 'INFO');
  }

  /** The level below which nothing is written; Lambda's, when stricter, wins. An unknown name keeps INFO. */
  setLogLevel(level: string): void {
    const own = levelOf(level) ?? LEVELS.INFO;
    this.threshold = Math.max(own, levelOf(process.env.AWS_LAMBDA_LOG_LEVEL) ?? 0);
  }

  debug(message: string, extra?: Record<string, unknown>): void { this.log('DEBUG', message, extra); }
  info(message: string, extra?: Record<string, unknown>): void { this.log('INFO', message, extra); }
  warn(message: string, extra?: Record<string, unknown>): void { this.log('WARN', message, extra); }
  error(message: string, extra?: Record<string, unknown>): void { this.log('ERROR', message, extra); }

  private log(level: LogLevel, message: string, extra: Record<string, unknown> | undefined): void {
    if (LEVELS[level] < this.threshold) return;
    const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const entry: Record<string, unknown> = {
      level, message, timestamp: new Date().toISOString(), service: this.options.serviceName, sampling_rate: 0,
      ...(trace ? { xray_trace_id: trace } : {}),
    };
    for (const [k, v] of Object.entries(extra ?? {})) entry[k] = serialise(v);
    const line = `${JSON.stringify(entry, safeReplacer())}\n`;
    if (this.options.write) this.options.write(level, line);
    else (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(line);
  }
}

export const logger = new Logger({ serviceName, logLevel: process.env.LOG_LEVEL ?? 'INFO' });
