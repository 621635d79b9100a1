import { Router } from 'express';
import type { Logger } from 'pino';
import { health, liveness, readiness } from '@shared/contract/system';
import { notReady } from '../domain/errors';
import { serve } from '../http/serve';
import type { Store } from '../storage/store';

/** A readiness probe gives up long before an orchestrator's timeout; a slower store is not ready. */
const READY_TIMEOUT_MS = 2000;

/**
 * Health for people and orchestrators. `/health` is the summary the acceptance checks read;
 * `/health/live` says only that the process answers (restart it when not); `/health/ready` that
 * it can serve (send it traffic): the store answers and its schema is the one this version needs.
 */
export function healthRouter(store: Store, logger: Logger): Router {
  const router = Router();

  serve(router, health, () => ({ status: 'ok', storage: store.kind }) as const);

  serve(router, liveness, ({ res }) => {
    res.setHeader('Cache-Control', 'no-store');
    return { status: 'ok' } as const;
  });

  serve(router, readiness, async ({ res }) => {
    res.setHeader('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([store.checkReady(), timeout]);
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      throw notReady(`The ${store.kind} store is not ready.`);
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ready', storage: store.kind } as const;
  });

  return router;
}
