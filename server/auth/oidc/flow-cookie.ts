import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What one sign-in at a provider must remember between the redirect there and the way back:
 * the state, the nonce and the PKCE verifier.
 *
 * Kept in a short-lived cookie rather than on the server: nothing is stored for visitors who
 * never come back, and any instance behind a load balancer can finish a flow another began
 * (the key derives from AUDIT_SIGNING_KEY, which production requires). The cookie is httpOnly
 * (no script reads the verifier), SameSite=Lax (it must come back on the provider's top-level
 * redirect, which a Strict cookie would not), limited to /api/session, and signed, so a flow
 * cannot be forged or altered; it expires with its `exp` whatever the browser does.
 */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  /** Where the person was going when they chose to sign in (checked again at the callback). */
  returnTo?: string;
  /** Milliseconds since the epoch after which the flow is refused. */
  exp: number;
}

export const FLOW_TTL_MS = 10 * 60_000;

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function sealFlow(key: Buffer, flow: OidcFlow): string {
  const body = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The flow in a cookie, or null when it is missing, altered, malformed or past its time. */
export function openFlow(key: Buffer, value: string | undefined, nowMs: number): OidcFlow | null {
  if (!value || value.length > 2000) return null;
  const [body = '', mac = '', ...rest] = value.split('.');
  if (rest.length) return null;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const flow = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<OidcFlow>;
    if (typeof flow.state !== 'string' || typeof flow.nonce !== 'string' || typeof flow.verifier !== 'string' || typeof flow.exp !== 'number') return null;
    return flow.exp > nowMs ? (flow as OidcFlow) : null;
  } catch {
    return null;
  }
}
