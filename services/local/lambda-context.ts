// The Lambda `Context` a handler receives when the local runtime calls it in-process. Powertools (logger,
// batch) and middy read these fields, so they carry plausible values rather than being left out.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

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
