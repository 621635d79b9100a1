import * as client from 'openid-client';
import type { OidcClientConfig } from '../../config';

/**
 * One provider as openid-client sees it. Discovery happens at the first sign-in, not at start,
 * and is retried at the next one when it failed: a provider that is down for a moment must not
 * stop Recourse from starting (members and local staff still sign in); the person who tries
 * meanwhile is sent back to the sign-in page with `oidc_unavailable`.
 */
export function createOidcClient(cfg: OidcClientConfig) {
  let discovered: Promise<client.Configuration> | null = null;
  const issuer = new URL(cfg.issuer);
  // Plain http only for a provider on this machine (config.ts refuses it elsewhere).
  const insecure = issuer.protocol === 'http:';

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(issuer, cfg.clientId, cfg.clientSecret, client.ClientSecretBasic(cfg.clientSecret), {
        // The ID token's signature is checked against the provider's keys, not only trusted for
        // arriving over TLS: the person it names goes into the audit trail (non-repudiation).
        execute: insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  }

  return {
    config: cfg,
    configuration,

    /** The provider's authorization URL for one flow: code flow, PKCE (S256), state and nonce. */
    async authorizationUrl(flow: { state: string; nonce: string; verifier: string }): Promise<URL> {
      const c = await configuration();
      return client.buildAuthorizationUrl(c, {
        redirect_uri: cfg.redirectUri,
        scope: 'openid profile email',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
    },

    /**
     * Exchanges the code in the callback URL: openid-client checks the state, sends the PKCE
     * verifier, and validates the ID token (signature, issuer, audience, times, nonce).
     */
    async exchange(callbackUrl: URL, flow: { state: string; nonce: string; verifier: string }) {
      const c = await configuration();
      const tokens = await client.authorizationCodeGrant(c, callbackUrl, {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.verifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return { claims, accessToken: tokens.access_token, idToken: tokens.id_token };
    },

    /** The userinfo claims, for a claim the ID token left out (many providers put groups only there). */
    async userinfo(accessToken: string, subject: string): Promise<Record<string, unknown>> {
      const c = await configuration();
      if (!c.serverMetadata().userinfo_endpoint) return {};
      return client.fetchUserInfo(c, accessToken, subject);
    },

    /** The provider's logout (RP-initiated logout), or null when its discovery names none. */
    async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | null> {
      const c = await configuration();
      if (!c.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(c, { client_id: cfg.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
