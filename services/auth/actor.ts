// Who acted: the organisation (a principal) and, when a person acted, that person as the token names them. Every
// write records both (`Who`); a write without a person was a machine's: the hub itself (`system:*`) or an
// organisation's own system (a department's system, a token issued to no person).
import { Person } from '../../contracts/api/recorded-by.ts';
import { formatPrincipal, parsePrincipal, type Principal } from './principal.ts';
import type { Who } from './who.ts';

export { hubMachine, type Who } from './who.ts';


/** What a bearer token stands for: a principal string, the person if any, and when the token expires (epoch s). */
export interface Identity {
  principal: string;
  person?: Person;
  expiresAt?: number;
}


/** A person from token claims, or undefined when the claims do not name a well-formed one. */
export function personOf(id: unknown, name: unknown): Person | undefined {
  const parsed = Person.safeParse({ id, ...(typeof name === 'string' && name.trim() ? { name: name.trim() } : {}) });
  return parsed.success ? parsed.data : undefined;
}

/** The authorizer context's entries for an identity: flat strings and numbers, as API Gateway requires. */
export function identityContext(identity: Identity): Record<string, string | number> {
  const { principal, person, expiresAt } = identity;
  return {
    principal,
    ...(person ? { personId: person.id, ...(person.name ? { personName: person.name } : {}) } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/** Seconds of clock skew allowed past a token's expiry, as the JWT verifier allows it. */
export const EXPIRY_TOLERANCE_SECONDS = 30;

/**
 * The caller an API handler sees, from the authorizer context: undefined when there is none or its token has expired.
 * API Gateway may answer from its authorizer cache after the token's `exp`; the handler refuses it then.
 */
export function callerOf(context: Record<string, unknown> | null | undefined, now = Date.now()): { principal: Principal; person?: Person } | undefined {
  const principal = parsePrincipal(context?.principal);
  if (!principal) return undefined;
  const expiresAt = Number(context?.expiresAt);
  if (context?.expiresAt !== undefined && (!Number.isFinite(expiresAt) || (expiresAt + EXPIRY_TOLERANCE_SECONDS) * 1000 < now)) return undefined;
  const person = context?.personId === undefined ? undefined : personOf(context.personId, context.personName);
  return { principal, ...(person ? { person } : {}) };
}

/** What a write by this caller records. */
export const whoOf = (caller: { principal: Principal; person?: Person }): Who => ({
  by: formatPrincipal(caller.principal),
  ...(caller.person ? { person: caller.person } : {}),
});
