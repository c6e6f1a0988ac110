// Institutions are reference data shipped with the code, identical in all three runtimes.
import type { Institution } from '../../contracts/case.ts';
import { NotFoundError } from '../lib/errors.ts';
import { seededInstitutions } from '../seed/institutions.ts';

const byId = new Map(seededInstitutions.map((i) => [i.institutionId, i]));

export function findInstitution(id: string): Institution | undefined {
  return byId.get(id);
}

export function getInstitution(id: string): Institution {
  const inst = byId.get(id);
  if (!inst) throw new NotFoundError(`institution ${id} not found`);
  return inst;
}
