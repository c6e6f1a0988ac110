// What the local API gateway is given and gives back (http-gateway.ts): its routes, handlers, authorizer and cache,
// limits, and the ids its events carry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
} from 'aws-lambda';
import type { LocalHandler } from './lambda-context.ts';

/** A proxy handler (`api`, `partnerApi`); aws-lambda's APIGatewayProxyHandler and middy handlers fit. */
export type ProxyHandler = LocalHandler<APIGatewayProxyEvent, APIGatewayProxyResult>;
/** The REQUEST authorizer; aws-lambda's APIGatewayRequestAuthorizerHandler fits. */
export type RequestAuthorizerHandler = LocalHandler<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>;

export interface GatewayRoute {
  method: string;
  path: string;
  /** Key into `handlers`. */
  fn: string;
  auth: boolean;
}

export interface HttpGatewayOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** Default 127.0.0.1: the local API is for this machine only. */
  host?: string;
  /** Default: the topology's routes. */
  routes?: readonly GatewayRoute[];
  /** By route `fn`, e.g. `{ api, partnerApi }`. A route whose handler is missing answers 501. */
  handlers: Partial<Record<string, ProxyHandler>>;
  /** Required as soon as a route has `auth: true` and is called; without it such calls answer 500. */
  authorizer?: RequestAuthorizerHandler;
  /**
   * The authorizer's identity sources: headers that must be present, or API Gateway answers 401 without
   * calling the authorizer. Must match the CDK stack. Default ['Authorization']; [] calls it always.
   */
  identityHeaders?: string[];
  /**
   * Reuse an authorizer result for `ttlSeconds` per identity, as API Gateway does (the CDK stack caches for 5
   * minutes). With caching, a policy that allows only the method ARN it was issued for refuses the same token on
   * the next route: turning this on shows that bug locally. `key` is the identity the authorizer itself decides on
   * (the runtime passes the authorizer's own `identityOf`); a request it gives no key is never answered from the
   * cache. At most `maxEntries` results are kept (default 256), the least recently used dropped first. Default: off.
   */
  authorizerCache?: AuthorizerCacheOptions;
  /**
   * Asked for a path no route matches (the console's pages and assets, the local sign-in list); answers it
   * and returns true, or returns false for the gateway's 404.
   */
  fallback?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Larger bodies answer 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** API Gateway's integration timeout; slower handlers answer 504. Default 29 s. */
  timeoutMs?: number;
  /** For the method ARN and the events. Defaults: region 'local', stage 'local', account 000000000000, apiId 'local'. */
  region?: string;
  stage?: string;
  accountId?: string;
  apiId?: string;
  /** Default: console.error with method, path and request id (never bodies or tokens). */
  onError?: (error: unknown, where: { phase: 'authorizer' | 'handler' | 'gateway'; method: string; path: string; requestId: string }) => void;
}

export interface AuthorizerCacheOptions {
  ttlSeconds: number;
  maxEntries?: number;
  key: (event: APIGatewayRequestAuthorizerEvent) => string | undefined;
  /**
   * When the answer's token stops being valid (epoch ms), if the answer says: its entry lives no longer than that,
   * whatever `ttlSeconds` (API Gateway's own cache keeps the TTL; the handlers refuse an expired token there).
   */
  expiresAt?: (result: APIGatewayAuthorizerResult) => number | undefined;
}

export interface HttpGateway {
  /** `http://<host>:<port>`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Where a request failed, for `onError`. */
export interface Where {
  method: string;
  path: string;
  requestId: string;
}
