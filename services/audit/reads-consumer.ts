// The read-audit queue's consumer (docs/decisions/0016-read-audit.md): each message's records into the state table,
// one BatchWriteItem per message. A message that fails (the table throttles past the retries, or is unreachable) is
// reported as failed alone, comes back after the visibility timeout, and after `readAudit.maxReceiveCount` receives
// waits in the dead-letter queue, where the stack's alarm shows it.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ReadAuditMessage } from '../../contracts/api/reads.ts';
import { putReads } from '../state/reads.ts';

async function recordMessage(record: SQSRecord): Promise<void> {
  const parsed = ReadAuditMessage.safeParse(JSON.parse(record.body));
  // Only the APIs send here; a body they did not write goes to the dead-letter queue, where someone looks.
  if (!parsed.success) throw new Error('not a read-audit message');
  await putReads(parsed.data.reads);
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, recordMessage, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false });
