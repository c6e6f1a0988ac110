// What a write records of who made it, and the hub's own machines. Apart from ./actor.ts (which reads tokens and
// parses principals, with the seed's cities) so that code that only writes as a machine (the adapters, the state
// store) bundles none of that.
import type { Person } from '../../contracts/api/recorded-by.ts';

/** What a write records of who made it. */
export interface Who {
  by: string;
  person?: Person;
}

/** The hub's own machines: the sweeps, the adapters, the dependency release. */
export const hubMachine = (name: string): Who => ({ by: `system:${name}` });
