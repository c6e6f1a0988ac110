// What the console learns at run time from `/console-config.json`, beside its assets: how people sign in. The local
// runtime writes it from its own settings; a deployment serves one with its identity provider's details. Kept apart
// from the console's sources so the build is the same everywhere.
export type ConsoleConfig =
  | { signIn: 'local' }
  | {
      signIn: 'oidc';
      /** The identity provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
      authority: string;
      clientId: string;
      /** Scopes to ask for; default `openid`. */
      scope?: string;
    };

export const CONFIG_PATH = '/console-config.json';

/** What the page may load and reach: its own origin and, signing in with OpenID Connect, the identity provider. */
export function contentSecurityPolicy(config: ConsoleConfig): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${config.signIn === 'oidc' ? ` ${new URL(config.authority).origin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
