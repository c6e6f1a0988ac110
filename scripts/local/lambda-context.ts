// The Lambda `Context` a handler receives when the local runtime calls it in-process. Powertools (logger,
// batch) and middy read these fields, so they carry plausible values rather than being left out.
import { randomUUID } from 'node:crypto';
import type { Callback, Context } from 'aws-lambda';

export interface LambdaContextOptions {
  functionName: string;
  region?: string;
  /** The deployed functions' timeout; getRemainingTimeInMillis counts down from it. Default 30 s. */
  timeoutMs?: number;
  memoryLimitInMB?: number;
  awsRequestId?: string;
}

export function lambdaContext(options: LambdaContextOptions): Context {
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const unsupported = () => {
    throw new Error('The local runtime supports async handlers only (no done/fail/succeed).');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${options.functionName}`,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 128),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/**
 * A handler as the local runtime calls it. Declared as a method so that parameters are checked bivariantly:
 * handlers typed with the aws-lambda `Handler` types (callback parameter, narrower authorizer context) or as
 * middy handlers fit without casts. Callbacks are not supported, as in Lambda's nodejs24.x runtime.
 */
export type LocalHandler<E, R> = {
  handle(event: E, context: Context, callback: Callback<R>): Promise<R> | R | void;
}['handle'];

/** Calls `handler` the way Lambda's Node runtime calls an async handler. */
export async function invokeHandler<E, R>(handler: LocalHandler<E, R>, event: E, context: Context): Promise<R | undefined> {
  const callback: Callback<R> = () => {
    throw new Error('Callback-style handlers are not supported; return a promise (nodejs24.x has no callbacks).');
  };
  return (await handler(event, context, callback)) ?? undefined;
}
