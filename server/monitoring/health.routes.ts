import { Router } from 'express';
import type { Logger } from 'pino';
import { notReady } from '../domain/errors';
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

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', storage: store.kind });
  });

  router.get('/health/live', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  router.get('/health/ready', async (_req, res) => {
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
    res.json({ status: 'ready', storage: store.kind });
  });

  return router;
}
