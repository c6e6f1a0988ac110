// The security suite's child with every fact the hub holds, each string fact a value found nowhere else, and the
// case and input a task of any type is opened with for it: what the disclosure tests hand every task type.
import { readFileSync } from 'node:fs';
import { Child, type CaseFacts, type ChildFacts } from '../../contracts/case.ts';
import type { ChildFact } from '../../contracts/task-roles.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';
import { cityInstitution, idNumber } from '../contracts/fixtures.ts';

const ID = idNumber('45010220120301002');

/** Every key of ChildFacts is here (the type says so), so a fact added to the contract must be added here too. */
const facts: Required<ChildFacts> = {
  institutionId: cityInstitution.institutionId,
  name: '全字段测试儿童',
  gender: 'female',
  birthDate: '2012-03-01',
  admittedOn: '2024-05-20',
  idNumber: ID,
  parentsUnknown: true,
  hukouRegistered: true,
  disabled: true,
  orphan: true,
  factuallyUnsupported: true,
  foundlingCertificateNumber: '桂南公捡字2012第0301号',
  foundPlace: '南宁市青秀区测试路口东侧',
  foundCountyCode: '450103',
  foundOn: '2012-03-05',
  inSchool: true,
  schoolName: '南宁市测试哨兵小学',
  // The record and certificate numbers are built on the identity number: either disclosed discloses it.
  studentRecordNumber: `G${ID}`,
  hukouAddress: '南宁市青秀区测试哨兵街1号',
  hukouRegistrationNumber: 'HK-SENTINEL-0301',
  disabilityCategory: 'intellectual',
  disabilityGrade: 2,
  disabilityCertificateNumber: `${ID}52`,
};

export const everyFactChild = Child.parse({ ...facts, childId: 'CH01J9Z3K4M5N6P7Q8R9S0T1V2W3' });

/** Every fact the hub holds about a child, by name. */
export const childFactNames = Object.keys(everyFactChild) as ChildFact[];

/** The string facts, whose values a body of any shape (a department's wire format included) can be searched for. */
export const searchableFacts = Object.entries(everyFactChild).filter(
  ([k, v]) => typeof v === 'string' && v.length >= 6 && !['gender', 'institutionId', 'foundCountyCode'].includes(k),
) as [ChildFact, string][];

export const everyFactCase = (contract: TaskTypeContract): CaseFacts =>
  contract.subject === 'child' ? { institution: cityInstitution, child: everyFactChild } : { institution: cityInstitution };

/**
 * The input a task of this type is opened with: the contract's example input, with every field its rules read from
 * the child's facts (admission, clock, a workflow's `inputFacts`) taken from this child, as the hub would.
 */
export function everyFactInput(contract: TaskTypeContract): unknown {
  const file = new URL(`../../contracts/${contract.department}/examples/${contract.type.split('.')[1]}.v${contract.version}.json`, import.meta.url);
  const example = JSON.parse(readFileSync(file, 'utf8')) as { input?: Record<string, unknown> };
  const fromFacts = Object.entries({ ...contract.admission?.input, ...contract.clock?.input, ...contract.workflow?.inputFacts } as Record<string, ChildFact>).map(
    ([field, fact]) => [field, everyFactChild[fact]],
  );
  return contract.input.parse({ ...example.input, ...Object.fromEntries(fromFacts.filter(([, v]) => v !== undefined)) });
}

/** The child facts a body discloses beyond the allow-list: by key (top level of a request) and by value (anywhere). */
export function undeclared(contract: TaskTypeContract, body: unknown, byKey: boolean): string[] {
  // An institution's task names the institution (its id is public), not a child.
  const allowed = new Set<string>([...contract.discloses, ...(contract.subject === 'institution' ? ['institutionId'] : [])]);
  const json = JSON.stringify(body);
  const keys = byKey ? Object.keys(body as object).filter((k) => childFactNames.includes(k as ChildFact) && !allowed.has(k)) : [];
  const values = searchableFacts.filter(([fact, v]) => !allowed.has(fact) && json.includes(v)).map(([fact]) => `${fact} (value)`);
  return [...new Set([...keys, ...values])].sort();
}
