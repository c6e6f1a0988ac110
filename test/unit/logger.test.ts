// The hub's logger (services/lib/logger.ts) writes the lines the Powertools logger wrote before it (decision 0022),
// compared with Powertools itself on the same calls; LOG_LEVEL and Lambda's own level filter; warnings and errors go
// to stderr.
import { Logger as Powertools } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Logger, type LogLevel } from '../../services/lib/logger.ts';

/** What a logger writes to stdout and stderr during `run`, each line parsed, timestamps taken out. */
function written(run: () => void) {
  const lines: { to: 'out' | 'err'; entry: Record<string, unknown> }[] = [];
  const grab = (to: 'out' | 'err') => (chunk: unknown) => {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push({ to, entry: JSON.parse(l) });
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab('out') as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab('err') as never);
  try { run(); } finally { out.mockRestore(); err.mockRestore(); }
  for (const { entry } of lines) {
    expect(entry.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    delete entry.timestamp;
  }
  return lines;
}

const calls = (l: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>) => () => {
  l.debug('not at INFO', { taskId: 'CH1.T1' });
  l.info('task delivered', { taskId: 'CH1.T1', department: 'education', attempt: 2, moved: ['CH1.T2:requested'] });
  l.warn('delivery failed; will retry', { taskId: 'CH1.T1', reason: undefined });
  l.error('unhandled error', { error: Object.assign(new TypeError('boom', { cause: new Error('inner') }), { $fault: 'client', $metadata: { httpStatusCode: 400 } }) });
};

afterEach(() => vi.unstubAllEnvs());

describe('the logger', () => {
  it('writes what Powertools wrote: the same keys in the same order, errors with name, location, message, stack and cause', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const hub = written(calls(new Logger({ serviceName: 'child-welfare-hub', logLevel: 'INFO' })));
    const powertools = written(calls(new Powertools({ serviceName: 'child-welfare-hub', logLevel: 'INFO' }) as unknown as Logger));
    expect(hub.map((l) => l.entry.level)).toEqual(['INFO', 'WARN', 'ERROR']);
    expect(hub.map((l) => Object.keys(l.entry))).toEqual(powertools.map((l) => Object.keys(l.entry)));
    // The stacks differ by their call site only (the two loggers are called from two places).
    const sameSite = (lines: typeof hub) => JSON.parse(JSON.stringify(lines.map((l) => l.entry)).replace(/\\n {4}at [^"]*?(?=")/g, ''));
    expect(sameSite(hub)).toEqual(sameSite(powertools));
    expect(hub[0]!.entry).toMatchObject({ service: 'child-welfare-hub', sampling_rate: 0, xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' });
    expect(hub[2]!.entry.error).toMatchObject({ name: 'TypeError', message: 'boom', location: expect.stringMatching(/logger\.test\.ts:\d+$/), cause: { message: 'inner' }, $fault: 'client' });
  });

  it('writes debug and info to stdout, warnings and errors to stderr', () => {
    const lines = written(calls(new Logger({ serviceName: 's', logLevel: 'DEBUG' })));
    expect(lines.map((l) => `${l.entry.level}:${l.to}`)).toEqual(['DEBUG:out', 'INFO:out', 'WARN:err', 'ERROR:err']);
  });

  it.each<[string, string | undefined, LogLevel[]]>([
    ['DEBUG', undefined, ['DEBUG', 'INFO', 'WARN', 'ERROR']],
    ['warn', undefined, ['WARN', 'ERROR']],
    ['CRITICAL', undefined, []],
    ['SILENT', undefined, []],
    ['no-such-level', undefined, ['INFO', 'WARN', 'ERROR']],
    ['DEBUG', 'WARN', ['WARN', 'ERROR']],
    ['ERROR', 'DEBUG', ['ERROR']],
  ])('LOG_LEVEL %s with Lambda\'s level %s writes %j', (level, lambda, expected) => {
    if (lambda) vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', lambda);
    const l = new Logger({ serviceName: 's', logLevel: level });
    expect(written(calls(l)).map((x) => x.entry.level)).toEqual(expected);
    l.setLogLevel('DEBUG');
    expect(written(calls(l)).map((x) => x.entry.level)).toEqual(lambda === 'WARN' ? ['WARN', 'ERROR'] : ['DEBUG', 'INFO', 'WARN', 'ERROR']);
  });

  it('never throws on what it is given: a circular error (an SDK response pointing back at its request) and a BigInt', () => {
    const response: Record<string, unknown> = { statusCode: 400 };
    const request = { method: 'POST', response };
    response.request = request;
    const error = Object.assign(new Error('refused'), { $response: response, size: 12n });
    const lines = written(() => new Logger({ serviceName: 's' }).error('unhandled error', { error, taskId: 'CH1.T1' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.entry).toMatchObject({
      message: 'unhandled error',
      taskId: 'CH1.T1',
      error: { name: 'Error', message: 'refused', size: '12', $response: { statusCode: 400, request: { method: 'POST' } } },
    });
    expect((lines[0]!.entry.error as { $response: { request: Record<string, unknown> } }).$response.request.response).toBeUndefined();
  });
});
