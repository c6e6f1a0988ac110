// Helpers every child-subject contract uses to build its request. Apart from case.ts (which imports the
// department field schemas), so that those field modules can re-export them without an import cycle.
import type { CaseFacts, Child } from './case.ts';

/** The child a child-subject task is about, checked against the case's institution. */
export function caseChild(facts: CaseFacts, type: string): Child {
  const { child, institution } = facts;
  if (!child) throw new Error(`${type} needs a child`);
  if (child.institutionId !== institution.institutionId) {
    throw new Error(`${type}: the child belongs to ${child.institutionId}, the case to ${institution.institutionId}`);
  }
  return child;
}

/** Who the child is, as most requests carry it: the identity number only when there is one. */
export function childIdentity(child: Child) {
  return {
    childId: child.childId,
    name: child.name,
    gender: child.gender,
    birthDate: child.birthDate,
    ...(child.idNumber ? { idNumber: child.idNumber } : {}),
  };
}
