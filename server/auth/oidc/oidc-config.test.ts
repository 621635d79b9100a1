import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { grantFor, parseRoleMap } from './role-map';

const staff = {
  OIDC_ISSUER: 'https://login.example.org/realms/insurer',
  OIDC_CLIENT_ID: 'recourse',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URI: 'https://recourse.example.org/api/session/oidc/callback',
  OIDC_ROLE_MAP: 'recourse-fraud=reviewer:fraud_flag,recourse-approvers=approver',
};
const production = { NODE_ENV: 'production', INGEST_API_KEYS: 'k'.repeat(32), AUDIT_SIGNING_KEY: 's'.repeat(16) };

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('OIDC_ROLE_MAP', () => {
  it('reads groups to roles and scopes, and adds up a group named twice and the groups of one person', () => {
    const { map, problems } = parseRoleMap(
      ' recourse-fraud = reviewer:fraud_flag , recourse-pricing=reviewer:renewal_price+risk_score,recourse-approvers=approver,recourse-approvers=reviewer:fraud_flag',
    );
    expect(problems).toEqual([]);
    expect(grantFor(map, ['recourse-fraud'])).toEqual({ roles: ['reviewer'], scopes: ['fraud_flag'] });
    expect(grantFor(map, ['recourse-approvers'])).toEqual({ roles: ['approver', 'reviewer'], scopes: ['fraud_flag'] });
    expect(grantFor(map, ['recourse-pricing', 'recourse-fraud', 'unrelated'])).toEqual({
      roles: ['reviewer'],
      scopes: ['fraud_flag', 'renewal_price', 'risk_score'],
    });
    expect(grantFor(map, ['unrelated'])).toEqual({ roles: [], scopes: [] });
  });

  it('takes group names as providers write them: Keycloak paths, Entra object ids', () => {
    const { map } = parseRoleMap('/insurer/recourse=governance,5f1c9a2e-0000-4000-8000-000000000001=admin');
    expect(grantFor(map, ['/insurer/recourse']).roles).toEqual(['governance']);
    expect(grantFor(map, ['5f1c9a2e-0000-4000-8000-000000000001']).roles).toEqual(['admin']);
  });

  it('grants the discloser role beside a fraud reviewer (disclosures of fraud cases)', () => {
    const { map, problems } = parseRoleMap('recourse-fraud=reviewer:fraud_flag,recourse-disclosers=discloser');
    expect(problems).toEqual([]);
    expect(grantFor(map, ['recourse-fraud', 'recourse-disclosers'])).toEqual({ roles: ['discloser', 'reviewer'], scopes: ['fraud_flag'] });
  });

  it('names every entry it cannot read', () => {
    expect(parseRoleMap('recourse-fraud=member,=admin,x=reviewer:fraud,y=reviewer:fraud_flag:risk_score,z').problems).toEqual([
      '"recourse-fraud=member": the role must be one of reviewer, approver, governance, admin, discloser',
      '"=admin" is not <group>=<role>[:<scopes>]',
      '"x=reviewer:fraud": scopes are decision types joined by +, from renewal_price, fraud_flag, risk_score',
      '"y=reviewer:fraud_flag:risk_score": scopes are decision types joined by +, from renewal_price, fraud_flag, risk_score',
      '"z" is not <group>=<role>[:<scopes>]',
    ]);
  });
});

describe('identity configuration', () => {
  it('configures the staff provider from OIDC_*, with groups as the default roles claim', () => {
    const config = loadConfig({ ...staff, OIDC_DISPLAY_NAME: 'Insurer ID' });
    expect(config.oidc).toMatchObject({ issuer: staff.OIDC_ISSUER, clientId: 'recourse', displayName: 'Insurer ID', rolesClaim: 'groups' });
    expect(grantFor(config.oidc!.roleMap, ['recourse-fraud'])).toEqual({ roles: ['reviewer'], scopes: ['fraud_flag'] });
    expect(config.memberOidc).toBeUndefined();
  });

  it('names each missing companion of an issuer, and a role map it cannot read', () => {
    expect(problemOf({ OIDC_ISSUER: staff.OIDC_ISSUER })).toBe(
      'Invalid configuration: OIDC_ISSUER is set, so OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_ROLE_MAP must be set too',
    );
    expect(problemOf({ ...staff, OIDC_ROLE_MAP: 'recourse-fraud=boss' })).toBe(
      'Invalid configuration: OIDC_ROLE_MAP: "recourse-fraud=boss": the role must be one of reviewer, approver, governance, admin, discloser',
    );
    expect(problemOf({ OIDC_CLIENT_ID: 'recourse' })).toBe('Invalid configuration: OIDC_CLIENT_ID: set OIDC_ISSUER too, or leave these out');
    expect(
      problemOf({
        MEMBER_OIDC_ISSUER: 'https://portal.example.org',
        MEMBER_OIDC_CLIENT_ID: 'r',
        MEMBER_OIDC_CLIENT_SECRET: 's',
        MEMBER_OIDC_REDIRECT_URI: 'https://r.example.org/cb',
      }),
    ).toBe('Invalid configuration: MEMBER_OIDC_ISSUER is set, so MEMBER_OIDC_MEMBER_ID_CLAIM must be set too');
  });

  it('wants https, except for a provider on this machine', () => {
    expect(problemOf({ ...staff, OIDC_ISSUER: 'http://login.example.org' })).toBe(
      'Invalid configuration: OIDC_ISSUER: must use https (http only on localhost or 127.0.0.1)',
    );
    expect(problemOf({ ...staff, OIDC_REDIRECT_URI: '/api/session/oidc/callback' })).toMatch(/OIDC_REDIRECT_URI: must be an absolute URL/);
    expect(loadConfig({ ...staff, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/test' }).oidc?.issuer).toBe('http://127.0.0.1:8080/realms/test');
  });

  it('turns staff password sign-in off by default in production with an issuer, and on otherwise', () => {
    expect(loadConfig({}).staffLocalLogin).toBe(true);
    expect(loadConfig(staff).staffLocalLogin).toBe(true);
    expect(loadConfig(production).staffLocalLogin).toBe(true);
    expect(loadConfig({ ...production, ...staff }).staffLocalLogin).toBe(false);
    expect(loadConfig({ ...production, ...staff, STAFF_LOCAL_LOGIN: 'true' }).staffLocalLogin).toBe(true);
    expect(loadConfig({ ...staff, STAFF_LOCAL_LOGIN: 'false' }).staffLocalLogin).toBe(false);
    expect(problemOf({ STAFF_LOCAL_LOGIN: 'false' })).toBe(
      'Invalid configuration: STAFF_LOCAL_LOGIN=false needs OIDC_ISSUER: otherwise no staff member could sign in',
    );
  });
});
