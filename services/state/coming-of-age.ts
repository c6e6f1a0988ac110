// The coming-of-age case of a young person in care (二(六)): opened by the age-18 clock, assessed by staff, placed by
// the plan's tasks, closed by the discharge. One item beside the child, so the child's Query returns it too.
//   coming of age  pk CHILD#<childId>  sk COMING-OF-AGE
// A discharge takes the child off its institution's list (the index keys go), in the same transaction.
import type { ComingOfAgeView, LeftCare } from '../../contracts/api/clocks.ts';
import type { CapabilityAssessment } from '../../contracts/coming-of-age.ts';
import type { ChildItem } from './children.ts';
import { childKey } from './keys.ts';
import { tableName, type Write } from './table.ts';

export interface ComingOfAgeItem extends ComingOfAgeView {
  pk: string;
  sk: string;
  entity: 'coming-of-age';
  rev: number;
  childId: string;
}

type Step = ComingOfAgeView['history'][number];

export function newComingOfAgeItem(childId: string, openedOn: string, comesOfAgeOn: string, opened: Step): ComingOfAgeItem {
  return {
    pk: childKey(childId).pk,
    sk: 'COMING-OF-AGE',
    entity: 'coming-of-age',
    rev: 1,
    childId,
    status: 'assessment-due',
    openedOn,
    comesOfAgeOn,
    history: [opened],
  };
}

/** The assessment and the tasks its plan opened, as a transaction's write: only once, from `assessment-due`. */
export const recordAssessmentWrite = (c: ComingOfAgeItem, assessment: CapabilityAssessment, taskIds: string[], step: Step): Write => ({
  Update: {
    TableName: tableName(),
    Key: { pk: c.pk, sk: c.sk },
    UpdateExpression: 'SET #status = :placing, assessment = :a, #plan = :plan, history = list_append(history, :h), rev = :next',
    ConditionExpression: 'rev = :rev AND #status = :due',
    ExpressionAttributeNames: { '#status': 'status', '#plan': 'plan' },
    ExpressionAttributeValues: {
      ':placing': 'placing',
      ':due': 'assessment-due',
      ':a': assessment,
      ':plan': { taskIds },
      ':h': [step],
      ':rev': c.rev,
      ':next': c.rev + 1,
    },
  },
});

/** The discharge: the child leaves care with its placement recorded, and the case closes. */
export const dischargeWrites = (child: ChildItem, c: ComingOfAgeItem, leftCare: LeftCare, step: Step): Write[] => [
  {
    Update: {
      TableName: tableName(),
      Key: childKey(child.childId),
      UpdateExpression: 'SET leftCare = :left, rev = :next REMOVE gsi2pk, gsi2sk',
      ConditionExpression: 'rev = :rev AND attribute_not_exists(leftCare) AND attribute_not_exists(openTransferId)',
      ExpressionAttributeValues: { ':left': leftCare, ':rev': child.rev, ':next': child.rev + 1 },
    },
  },
  {
    Update: {
      TableName: tableName(),
      Key: { pk: c.pk, sk: c.sk },
      UpdateExpression: 'SET #status = :done, dischargedOn = :on, history = list_append(history, :h), rev = :next',
      ConditionExpression: 'rev = :rev AND #status = :placing',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'discharged', ':placing': 'placing', ':on': leftCare.on, ':h': [step], ':rev': c.rev, ':next': c.rev + 1 },
    },
  },
];
