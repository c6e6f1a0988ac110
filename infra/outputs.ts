// The stack's output keys: a stable contract for integration suites and scripts that read a deployed stack
// (`aws cloudformation describe-stacks --stack-name <stackName> --query 'Stacks[0].Outputs'`).
// No CDK import here, so a test or script can import this file without loading aws-cdk-lib.
//
//   ApiUrl                                 invoke URL of the REST API stage, ending in `/`; routes are
//                                          `${ApiUrl}v1/health`, `${ApiUrl}v1/children`, ... (services/topology.ts)
//   ApiId                                  the REST API id
//   TableName                              the state table
//   QueueUrls                              JSON object department code → queue URL (the QUEUE_URLS env format)
//   AlarmTopicArn                          SNS topic the alarms notify
//   QueueUrl<Department>                   e.g. QueueUrlMedicalInsurance, QueueUrlFireRescue
//   DeadLetterQueueUrl<Department>         e.g. DeadLetterQueueUrlMedicalInsurance
//   DepartmentSecretArn<Department>        Secrets Manager secret holding the department's HMAC key
//   DepartmentSecretArn<Department><City>  the same for a city bureau with its own endpoint (officeEndpoints)
//
// <Department> is the department code in PascalCase: medical-insurance → MedicalInsurance.
import type { DepartmentCode } from '../contracts/common.ts';

/** `medical-insurance` → `MedicalInsurance`. */
export function pascalCase(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

export const outputKeys = {
  apiUrl: 'ApiUrl',
  apiId: 'ApiId',
  tableName: 'TableName',
  queueUrls: 'QueueUrls',
  alarmTopicArn: 'AlarmTopicArn',
  consoleUrl: 'ConsoleUrl',
  queueUrl: (code: DepartmentCode) => `QueueUrl${pascalCase(code)}`,
  deadLetterQueueUrl: (code: DepartmentCode) => `DeadLetterQueueUrl${pascalCase(code)}`,
  departmentSecretArn: (code: DepartmentCode) => `DepartmentSecretArn${pascalCase(code)}`,
  officeSecretArn: (code: DepartmentCode, city: string) => `DepartmentSecretArn${pascalCase(code)}${city}`,
} as const;
