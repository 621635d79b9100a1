import { parseRoleMap } from '../../server/auth/oidc/role-map';
import type { Logger } from 'pino';
import type { Config } from '../../server/config';
import type { Store } from '../../server/storage/store';
import { buildTestApp, type TestApp } from './app';
import { listen } from './oidc-browser';
import { startTestProvider, type TestProvider } from './oidc-provider';

/** The mapping the tests and the README's worked example use. */
export const TEST_ROLE_MAP =
  'recourse-fraud=reviewer:fraud_flag,recourse-pricing=reviewer:renewal_price+risk_score,recourse-approvers=approver,recourse-approvers=reviewer:fraud_flag+renewal_price+risk_score,recourse-governance=governance';

export interface OidcTestbed {
  app: TestApp;
  provider: TestProvider;
  /** The app's origin on its loopback port. */
  base: string;
  close(): Promise<void>;
}

/**
 * The app on a real port, registered at a real provider for staff (OIDC_*) and members
 * (MEMBER_OIDC_*, the same provider and client: one registration with both redirect URIs).
 */
export async function startOidcTestbed(store: Store, overrides: Partial<Config> = {}, options: { logger?: Logger } = {}): Promise<OidcTestbed> {
  const server = await listen();
  const redirectUri = `${server.base}/api/session/oidc/callback`;
  const memberRedirectUri = `${server.base}/api/session/member-oidc/callback`;
  const provider = await startTestProvider({ redirectUris: [redirectUri, memberRedirectUri], postLogoutRedirectUris: [`${server.base}/sign-in`] });
  const client = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret };
  const { map, problems } = parseRoleMap(TEST_ROLE_MAP);
  if (problems.length) throw new Error(problems.join('\n'));
  const app = await buildTestApp(
    store,
    {
      oidc: { ...client, redirectUri, displayName: 'Insurer ID', rolesClaim: 'groups', roleMap: map },
      memberOidc: { ...client, redirectUri: memberRedirectUri, displayName: 'My Insurer account', memberIdClaim: 'member_id' },
      ...overrides,
    },
    options,
  );
  server.attach(app.app);
  return {
    app,
    provider,
    base: server.base,
    close: async () => {
      await server.close();
      await provider.close();
    },
  };
}
