import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { DecisionType } from '@shared/schemas/common';
import type { User } from '@shared/schemas/session';
import { forbidden, unauthenticated } from '../domain/errors';

export const SESSION_COOKIE = 'recourse_session';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      ingestKey?: string;
      /** The decision types the ingest key may write; null for every type (and for INGEST_API_KEYS). */
      ingestTypes?: DecisionType[] | null;
      sessionToken?: string;
    }
  }
}

/** What the middleware needs of the sessions (auth/sessions.service): whose a token is. */
interface SessionLookup {
  resolve(token: string): Promise<User | null>;
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/** What the middleware needs of the stored ingest keys (admin/ingest-keys.service): whose a key is. */
interface IngestKeyLookup {
  resolve(bearer: string): Promise<{ keyId: string; types: DecisionType[] | null } | null>;
}

/**
 * Reads who is calling: a session cookie (people) or a bearer ingest key (scoring services): one
 * of INGEST_API_KEYS (bootstrap) or a key kept in the store.
 */
export function authenticate(sessions: SessionLookup, ingestKeys: string[], storedKeys?: IngestKeyLookup) {
  const keyDigests = ingestKeys.map(digest);
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (bearer) {
        const candidate = digest(bearer);
        // Compare digests in constant time so response timing does not leak key prefixes.
        if (keyDigests.some((k) => timingSafeEqual(k, candidate))) {
          req.ingestKey = candidate.toString('hex').slice(0, 12);
          req.ingestTypes = null;
        } else if (storedKeys && bearer.length <= 200) {
          const grant = await storedKeys.resolve(bearer);
          if (grant) {
            req.ingestKey = grant.keyId;
            req.ingestTypes = grant.types;
          }
        }
      }
      const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      if (token && token.length <= 200) {
        req.sessionToken = token;
        req.user = (await sessions.resolve(token)) ?? undefined;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * A missing or wrong ingest key is 401 with a Bearer challenge (RFC 6750 §3): the caller is not
 * authenticated, as the README promises; 403 would say a valid key lacks a permission.
 */
export function assertIngestKey(req: Request, res: Response): void {
  if (req.ingestKey) return;
  const sent = !!req.headers.authorization;
  res.setHeader('WWW-Authenticate', `Bearer realm="recourse-ingest"${sent ? ', error="invalid_token"' : ''}`);
  throw unauthenticated(sent ? 'This ingest key is not valid.' : 'Send an ingest key as Authorization: Bearer <key>.');
}

/**
 * Cookie-authenticated writes must come from our own origin (CSRF). Browsers send Origin on
 * every cross-site POST; bearer-key clients are not browsers and carry no ambient credentials.
 */
export function sameOriginWrites(req: Request, _res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  if (req.headers.authorization) return next();
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (origin && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    // req.host: the Host header, or X-Forwarded-Host of a trusted proxy (TRUST_PROXY) that rewrites it.
    if (host !== req.host) return next(forbidden('cross_origin_refused', 'Requests from another site are refused.'));
  } else if (origin === 'null' || site === 'cross-site') {
    return next(forbidden('cross_origin_refused', 'Requests from another site are refused.'));
  }
  next();
}
