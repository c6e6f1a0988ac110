// Case facts and helpers the contract tests share. Every child fact is filled in with a value that appears
// nowhere else, so a test can tell from a request's JSON alone whether a fact leaked into it.
import type * as z from 'zod/mini';
import { Child, Institution, type CaseFacts } from '../../contracts/case.ts';
import { gb11643CheckChar } from '../../contracts/common.ts';
import type { TaskTypeContract } from '../../contracts/task-type.ts';

export const idNumber = (first17: string) => first17 + gb11643CheckChar(first17);
/** The 17th character is odd for a man, even for a woman (GB 11643). */
export const FEMALE_ID = idNumber('45010220150301002');
export const MALE_ID = idNumber('45010220150301001');

export const CHILD_ID = 'CH01J9Z3K4M5N6P7Q8R9S0T1V2W3';

export const cityInstitution = Institution.parse({
  institutionId: 'CWI-450100',
  kind: 'city-welfare',
  name: '南宁市儿童福利院',
  cityCode: '450100',
});

export const countyInstitution = Institution.parse({
  institutionId: 'MPC-450123',
  kind: 'county-protection',
  name: '隆安县未成年人救助保护中心',
  cityCode: '450100',
  countyCode: '450123',
});

/** A child with every fact the hub holds, at the city institution. */
export const fullChild = Child.parse({
  childId: CHILD_ID,
  institutionId: 'CWI-450100',
  name: '党小晴',
  gender: 'female',
  birthDate: '2015-03-01',
  admittedOn: '2024-05-20',
  idNumber: FEMALE_ID,
  parentsUnknown: true,
  hukouRegistered: false,
  disabled: true,
  orphan: true,
  factuallyUnsupported: false,
  foundlingCertificateNumber: '桂南公捡字2024第0815号',
});

export function childCase(overrides: Partial<z.input<typeof Child>> = {}, institution = cityInstitution): CaseFacts {
  return { institution, child: Child.parse({ ...fullChild, institutionId: institution.institutionId, ...overrides }) };
}

export const institutionCase = (institution = cityInstitution): CaseFacts => ({ institution });

/** Values of child facts, by fact name, to look for in a request that should not carry them. */
export const childValues = {
  childId: fullChild.childId,
  name: fullChild.name,
  birthDate: fullChild.birthDate,
  admittedOn: fullChild.admittedOn,
  idNumber: FEMALE_ID,
  foundlingCertificateNumber: fullChild.foundlingCertificateNumber!,
} as const;

/** Which of the given values occur anywhere in the serialised request. */
export function leakedValues(request: unknown, values: Partial<Record<string, string>>): string[] {
  const json = JSON.stringify(request);
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && json.includes(v))
    .map(([k]) => k);
}

export const keysOf = (o: object) => Object.keys(o).sort();

/** The paths of the business rules a well-shaped result breaks, or [] when it meets them all. */
export function brokenRules<Req extends z.ZodMiniType, Res extends z.ZodMiniType, In extends z.ZodMiniType>(
  contract: TaskTypeContract<Req, Res, In>,
  result: z.infer<Res>,
  request: z.infer<Req>,
): string[] {
  return (contract.checkResult?.(result, request) ?? []).map((v) => v.path);
}

/** The dotted paths of the issues a schema raises, or [] when the value parses. */
export function issuePaths(schema: z.ZodMiniType, value: unknown): string[] {
  const out = schema.safeParse(value);
  return out.success ? [] : out.error.issues.map((i) => i.path.join('.'));
}

type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: unknown;
};

/** Pointers to object properties without a description, and to objects that allow unknown keys. */
export function undocumentedOrOpen(schema: JsonSchema, at = '#'): string[] {
  const found: string[] = [];
  if (schema.type === 'object') {
    if (schema.additionalProperties !== false) found.push(`${at} allows unknown keys`);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      if (!prop.description) found.push(`${at}/properties/${key} has no description`);
      found.push(...undocumentedOrOpen(prop, `${at}/properties/${key}`));
    }
  }
  if (schema.items) found.push(...undocumentedOrOpen(schema.items, `${at}/items`));
  for (const [i, branch] of (schema.oneOf ?? schema.anyOf ?? []).entries()) {
    found.push(...undocumentedOrOpen(branch, `${at}/oneOf/${i}`));
  }
  return found;
}
