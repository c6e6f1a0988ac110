// Which route a request is for, as API Gateway REST API (v1) resolves resources: `{name}` matches one non-empty
// segment, literal segments win over parameters, a known path with another method is told apart. Pure.

export interface RouteLike {
  method: string;
  path: string;
}

export type RouteMatch<R extends RouteLike> =
  | { kind: 'matched'; route: R; resource: string; pathParameters: Record<string, string> | null }
  | { kind: 'method-not-allowed'; allowedMethods: string[] }
  | { kind: 'not-found' };

/**
 * Finds the route for a method and path (query string ignored). `{name}` matches one non-empty segment.
 * When several templates match, literal segments win over parameters, left to right, as in API Gateway.
 */
export function matchRoute<R extends RouteLike>(routes: readonly R[], method: string, path: string): RouteMatch<R> {
  const segments = splitPath(path);
  let best: { route: R; params: Record<string, string>; score: string } | undefined;
  const allowed = new Set<string>();
  for (const route of routes) {
    const template = splitPath(route.path);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = '';
    const fits = template.every((t, i) => {
      const s = segments[i]!;
      const param = /^\{(\w+)\}$/.exec(t);
      if (param) {
        params[param[1]!] = s;
        score += '0';
        return s.length > 0;
      }
      score += '1';
      return t === s;
    });
    if (!fits) continue;
    if (route.method.toUpperCase() !== method.toUpperCase()) {
      allowed.add(route.method.toUpperCase());
      continue;
    }
    if (!best || score > best.score) best = { route, params, score };
  }
  if (best) {
    const hasParams = Object.keys(best.params).length > 0;
    return { kind: 'matched', route: best.route, resource: best.route.path, pathParameters: hasParams ? best.params : null };
  }
  if (allowed.size > 0) return { kind: 'method-not-allowed', allowedMethods: [...allowed].sort() };
  return { kind: 'not-found' };
}

function splitPath(path: string): string[] {
  const p = path.split('?')[0]!;
  return p.split('/').slice(1);
}

