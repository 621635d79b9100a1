import { Router } from 'express';
import { explainDecision } from '@shared/contract/decisions';
import { eraseMember, exportMemberData, exportMyData, liftLegalHold, listLegalHolds, setLegalHold } from '@shared/contract/members';
import { validationFailed } from '../domain/errors';
import { serve } from '../http/serve';
import type { ErasureService } from './erasure.service';
import type { ExplanationService } from './explanations.service';
import type { ExportService } from './export.service';
import type { HoldService } from './holds.service';

export function membersRouter(s: { explanations: ExplanationService; exports: ExportService; erasure: ErasureService; holds: HoldService }): Router {
  const router = Router();

  serve(router, explainDecision, ({ user, params, query }) => s.explanations.explain(user, params.id, query.lang));

  serve(router, exportMyData, async ({ user, query, res }) => {
    const result = await s.exports.exportOwn(user, query.lang);
    res.setHeader('Content-Disposition', 'attachment; filename="recourse-my-data.json"');
    return result;
  });

  serve(router, exportMemberData, ({ user, params, query }) => s.exports.exportForMember(user, params.memberId, query.lang));
  serve(router, eraseMember, ({ user, body }) => s.erasure.eraseMember(user, body.memberId));
  serve(router, listLegalHolds, ({ user }) => s.holds.list(user));
  serve(router, setLegalHold, ({ user, params, body }) => s.holds.set(user, params.memberId, body.reason));

  serve(router, liftLegalHold, ({ user, params, query, body }) => {
    if (query.reason !== undefined && body?.reason !== undefined && query.reason !== body.reason) {
      throw validationFailed([{ path: 'reason', message: 'give the reason once, in the query or in the body' }]);
    }
    return s.holds.lift(user, params.memberId, query.reason ?? body?.reason ?? null);
  });

  return router;
}
