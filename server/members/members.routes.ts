import { Router } from 'express';
import { DecisionIdParams } from '@shared/schemas/decision';
import { HoldReason, LangQuery, LiftHold, MemberIdBody, MemberIdParams } from '@shared/schemas/session';
import type { Lang } from '@shared/schemas/model';
import { requireUser } from '../http/auth';
import { validationFailed } from '../domain/errors';
import { validate } from '../http/validate';
import type { ErasureService } from './erasure.service';
import type { ExplanationService } from './explanations.service';
import type { ExportService } from './export.service';
import type { HoldService } from './holds.service';

const lang = (query: unknown) => (query as { lang: Lang }).lang;

export function membersRouter(s: { explanations: ExplanationService; exports: ExportService; erasure: ErasureService; holds: HoldService }): Router {
  const router = Router();

  router.get('/decisions/:id/explanation', requireUser, validate({ params: DecisionIdParams, query: LangQuery }), async (req, res) =>
    res.json(await s.explanations.explain(req.user!, req.params.id as string, lang(req.query))));

  router.get('/me/export', requireUser, validate({ query: LangQuery }), async (req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="recourse-my-data.json"');
    res.json(await s.exports.exportOwn(req.user!, lang(req.query)));
  });

  router.get('/admin/members/:memberId/export', requireUser, validate({ params: MemberIdParams, query: LangQuery }), async (req, res) =>
    res.json(await s.exports.exportForMember(req.user!, req.params.memberId as string, lang(req.query))));

  router.post('/admin/erasure', requireUser, validate({ body: MemberIdBody }), async (req, res) =>
    res.json(await s.erasure.eraseMember(req.user!, req.body.memberId)));

  router.get('/admin/legal-holds', requireUser, async (req, res) => res.json(await s.holds.list(req.user!)));
  router.put('/admin/legal-holds/:memberId', requireUser, validate({ params: MemberIdParams, body: HoldReason }), async (req, res) =>
    res.json(await s.holds.set(req.user!, req.params.memberId as string, req.body.reason)));
  router.delete('/admin/legal-holds/:memberId', requireUser, validate({ params: MemberIdParams, query: LiftHold, body: LiftHold }), async (req, res) => {
    const fromQuery = (req.query as { reason?: string }).reason;
    const fromBody = (req.body as { reason?: string }).reason;
    if (fromQuery !== undefined && fromBody !== undefined && fromQuery !== fromBody) {
      throw validationFailed([{ path: 'reason', message: 'give the reason once, in the query or in the body' }]);
    }
    await s.holds.lift(req.user!, req.params.memberId as string, fromQuery ?? fromBody ?? null);
    res.status(204).end();
  });

  return router;
}
