import { Router } from 'express';
import { requireUser } from '../http/auth';
import type { AuditService } from './audit.service';

export function auditRouter(audit: AuditService): Router {
  const router = Router();
  router.get('/audit/verify', requireUser, async (req, res) => res.json(await audit.verify(req.user!)));
  router.get('/audit/anchors', requireUser, async (req, res) => res.json({ items: await audit.anchors(req.user!) }));
  router.post('/audit/anchors', requireUser, async (req, res) => res.status(201).json(await audit.anchorNow(req.user!)));
  return router;
}
