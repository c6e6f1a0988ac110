// Who the caller is (GET /v1/me): any principal, described for a person. The console starts from this.
import { describePrincipal } from '../../auth/describe.ts';
import { formatPrincipal } from '../../auth/principal.ts';
import { UnauthorizedError } from '../../lib/errors.ts';
import { requirePrincipal, type Routes } from '../http.ts';

export const meRoutes = {
  'GET /v1/me': async (req) => {
    const principal = requirePrincipal(req);
    if (principal.kind === 'system') throw new UnauthorizedError();
    return { status: 200, body: describePrincipal(principal, formatPrincipal(principal), req.person) };
  },
} satisfies Routes;
