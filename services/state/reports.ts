// The progress report's stored versions: the draft marker the schedule writes seven days before the deadline, and the
// version a city's supervisor submitted, frozen (docs/decisions/0018-supervision-reports.md).
//   draft      pk REPORT#<city>#<period>  sk DRAFT
//   submitted  pk REPORT#<city>#<period>  sk SUBMITTED   (the report as submitted, whole)
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProgressReportAnswer, SubmittedReport } from '../../contracts/api/reports.ts';
import { documentClient } from '../lib/aws.ts';
import { queryOwnerPk } from './queries.ts';
import { putNew, tableName, writeOne } from './table.ts';
import { wroteAtRevision } from './revision.ts';

const reportPk = (cityCode: string, period: string) => `REPORT#${cityCode}#${period}`;

type Draft = NonNullable<ProgressReportAnswer['draft']>;

/** The draft marker and the submitted version of a city's period, from one Query. */
export async function storedVersions(cityCode: string, period: string): Promise<{ draft?: Draft; submitted?: SubmittedReport }> {
  const items = await queryOwnerPk(reportPk(cityCode, period));
  const draft = items.find((i) => i.sk === 'DRAFT');
  const submitted = items.find((i) => i.sk === 'SUBMITTED');
  return {
    ...(draft ? { draft: { draftedAt: String(draft.draftedAt), dueOn: String(draft.dueOn) } } : {}),
    ...(submitted ? { submitted: submitted.version as SubmittedReport } : {}),
  };
}

/** Marks the period's report drafted for the city's supervisor; false when it already was (the schedule repeats). */
export async function putDraft(cityCode: string, period: string, draft: Draft): Promise<boolean> {
  return wroteAtRevision(documentClient().send(new PutCommand({ ...putNew({ pk: reportPk(cityCode, period), sk: 'DRAFT', ...draft }).Put! })));
}

/** Freezes the submitted version: once per city and period (409 after). */
export async function putSubmitted(cityCode: string, period: string, version: SubmittedReport): Promise<void> {
  await writeOne(putNew({ pk: reportPk(cityCode, period), sk: 'SUBMITTED', version }), `the report of ${period} was already submitted`);
}

export async function getSubmitted(cityCode: string, period: string): Promise<SubmittedReport | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: reportPk(cityCode, period), sk: 'SUBMITTED' }, ConsistentRead: true }));
  return out.Item?.version as SubmittedReport | undefined;
}
