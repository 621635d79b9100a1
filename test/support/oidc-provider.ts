import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a loopback port, for the API
 * tests and the browser story: one registered confidential client (client_secret_basic), PKCE
 * required, test accounts carrying groups and a member id, and the package's own login page
 * (devInteractions: any password, the login names the account).
 *
 * It listens on `localhost` while the app under test listens on 127.0.0.1, so the way back from
 * the provider is a cross-site navigation, as it is between an insurer's provider and Recourse.
 */
export interface TestAccount {
  groups?: string[];
  member_id?: string;
  email?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login; change one's groups between sign-ins to test that they take effect. */
  accounts: Map<string, TestAccount>;
  /** Alters the next ID tokens the token endpoint sends, keeping their signature: a forgery. */
  tamperIdTokens: boolean;
  /** Ages every authorization code not yet exchanged past its expiry. */
  expireCodes(): void;
  close(): Promise<void>;
}

type Payload = Record<string, unknown> & { exp?: number; grantId?: string; uid?: string; userCode?: string; consumed?: number };

/** The provider's storage, in memory and per provider (its own memory adapter is one per process). */
function adapterFactory() {
  const stores = new Map<string, Map<string, Payload>>();
  return class TestAdapter {
    private readonly store: Map<string, Payload>;
    constructor(readonly name: string) {
      this.store = stores.get(name) ?? new Map();
      stores.set(name, this.store);
    }
    static codes = () => stores.get('AuthorizationCode') ?? new Map<string, Payload>();
    async upsert(id: string, payload: Payload) {
      this.store.set(id, payload);
    }
    async find(id: string) {
      return this.store.get(id);
    }
    async findByUid(uid: string) {
      return [...this.store.values()].find((p) => p.uid === uid);
    }
    async findByUserCode(code: string) {
      return [...this.store.values()].find((p) => p.userCode === code);
    }
    async consume(id: string) {
      const p = this.store.get(id);
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      this.store.delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, p] of this.store) if (p.grantId === grantId) this.store.delete(id);
    }
  };
}

/** Changes the subject inside an ID token to another of the same length, leaving the signature as it was. */
function forge(idToken: string): string {
  const [header, payload, signature] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { sub: string };
  claims.sub = claims.sub.slice(0, -1) + (claims.sub.endsWith('x') ? 'y' : 'x');
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

export async function startTestProvider(options: { redirectUris: string[]; postLogoutRedirectUris?: string[] }): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const clientId = 'recourse';
  const clientSecret = 'a-test-client-secret-of-enough-length';
  const accounts = new Map<string, TestAccount>();
  const Adapter = adapterFactory();

  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // groups and member_id come with `openid`, so every sign-in carries them (in userinfo, as
    // many providers do for the code flow; Recourse reads the ID token first, then userinfo).
    claims: { openid: ['sub', 'groups', 'member_id'], profile: ['preferred_username'], email: ['email'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: id, ...account }) };
    },
    // A first-party client: no consent page, the grant is made on the first sign-in.
    async loadExistingGrant(ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor(id: string): string | undefined }; provider: Provider };
    }) {
      const { client, session, provider: p } = ctx.oidc;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return (p as unknown as { Grant: { find(id: string): Promise<unknown> } }).Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  // The package warns about its development defaults (keys, interactions); the tests know.
  const handle = provider.callback();

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperIdTokens: false,
    expireCodes() {
      for (const payload of Adapter.codes().values()) payload.exp = Math.floor(Date.now() / 1000) - 60;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (state.tamperIdTokens && req.method === 'POST' && req.url === '/token') {
      // The real endpoint answers; its body is altered on the way out, as an attacker between would.
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => http.ServerResponse;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk && res.statusCode === 200) {
          const body = JSON.parse(String(chunk)) as { id_token?: string };
          if (body.id_token) body.id_token = forge(body.id_token);
          return end(JSON.stringify(body), ...rest);
        }
        return end(chunk, ...rest);
      }) as typeof res.end;
    }
    handle(req, res);
  });
  return state;
}
