import { Router } from 'express';
import {
  approveCase,
  assignCase,
  claimCase,
  commentOnCase,
  countCases,
  decideCorrection,
  extendCase,
  fileObjection,
  getCase,
  listColleagues,
  listCases,
  resolveCase,
  withdrawCase,
  restrictCase,
} from '@shared/contract/cases';
import { serve } from '../http/serve';
import type { CaseService } from './cases.service';

export function casesRouter(cases: CaseService): Router {
  const router = Router();
  serve(router, fileObjection, ({ user, params, body }) => cases.fileObjection(user, params.id, body));
  serve(router, listCases, ({ user, query }) => cases.list(user, query));
  // Before /cases/:id, which would take "counts" for a case id.
  serve(router, countCases, ({ user, query }) => cases.counts(user, query));
  serve(router, listColleagues, ({ user }) => cases.colleagues(user));
  serve(router, getCase, ({ user, params }) => cases.get(user, params.id));
  serve(router, claimCase, ({ user, params, body }) => cases.claim(user, params.id, body.expectedVersion));
  serve(router, assignCase, ({ user, params, body }) => cases.assign(user, params.id, body.userId, body.expectedVersion));
  serve(router, commentOnCase, ({ user, params, body }) => cases.comment(user, params.id, body));
  serve(router, resolveCase, ({ user, params, body }) => cases.resolve(user, params.id, body));
  serve(router, approveCase, ({ user, params, body }) => cases.approve(user, params.id, body));
  serve(router, extendCase, ({ user, params, body }) => cases.extend(user, params.id, body));
  serve(router, withdrawCase, ({ user, params, body }) => cases.withdraw(user, params.id, body?.expectedVersion));
  serve(router, decideCorrection, ({ user, params, body }) => cases.decideCorrection(user, params.id, params.feature, body));
  serve(router, restrictCase, ({ user, params, body }) => cases.restrict(user, params.id, body?.expectedVersion));
  return router;
}
