// Checks the hash chain of every task's history in a state table (docs/security.md, tamper-evident history): a Scan
// of the task items only, page by page. Reports each task whose chain is broken, at its first broken link.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEntry } from '../../contracts/api/views.ts';
import { firstBrokenLink } from '../../services/audit/chain.ts';
import { documentClient } from '../../services/lib/aws.ts';

export interface BrokenChain {
  taskId: string;
  index: number;
  at: string | undefined;
  reason: string;
}

export interface AuditReport {
  tasks: number;
  entries: number;
  broken: BrokenChain[];
}

export async function verifyTable(tableName: string): Promise<AuditReport> {
  const report: AuditReport = { tasks: 0, entries: 0, broken: [] };
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity = :task',
        ProjectionExpression: 'taskId, history',
        ExpressionAttributeValues: { ':task': 'task' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of (page.Items ?? []) as { taskId: string; history: HistoryEntry[] }[]) {
      report.tasks++;
      report.entries += item.history.length;
      const broken = firstBrokenLink(item.history);
      if (broken) report.broken.push({ taskId: item.taskId, index: broken.index, at: item.history[broken.index]?.at, reason: broken.reason });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return report;
}
