import { Router } from 'express';
import {
  ApproveCase,
  AssignCase,
  CaseIdParams,
  CaseListQuery,
  ClaimCase,
  CommentOnCase,
  ExtendCase,
  NewObjection,
  ResolveCase,
  WithdrawCase,
  type CaseListQuery as ListQuery,
} from '@shared/schemas/case';
import { DecisionIdParams } from '@shared/schemas/decision';
import { requireUser } from '../http/auth';
import { validate } from '../http/validate';
import type { CaseService } from './cases.service';

export function casesRouter(cases: CaseService): Router {
  const router = Router();
  const id = (params: unknown) => (params as { id: string }).id;

  router.post('/decisions/:id/objections', requireUser, validate({ params: DecisionIdParams, body: NewObjection }), async (req, res) =>
    res.status(201).json(await cases.fileObjection(req.user!, id(req.params), req.body)));

  router.get('/cases', requireUser, validate({ query: CaseListQuery }), async (req, res) =>
    res.json(await cases.list(req.user!, req.query as unknown as ListQuery)));

  router.get('/cases/:id', requireUser, validate({ params: CaseIdParams }), async (req, res) =>
    res.json(await cases.get(req.user!, id(req.params))));

  router.post('/cases/:id/claim', requireUser, validate({ params: CaseIdParams, body: ClaimCase }), async (req, res) =>
    res.json(await cases.claim(req.user!, id(req.params), req.body.expectedVersion)));

  router.post('/cases/:id/assign', requireUser, validate({ params: CaseIdParams, body: AssignCase }), async (req, res) =>
    res.json(await cases.assign(req.user!, id(req.params), req.body.userId, req.body.expectedVersion)));

  router.post('/cases/:id/comments', requireUser, validate({ params: CaseIdParams, body: CommentOnCase }), async (req, res) =>
    res.status(201).json(await cases.comment(req.user!, id(req.params), req.body)));

  router.post('/cases/:id/resolve', requireUser, validate({ params: CaseIdParams, body: ResolveCase }), async (req, res) =>
    res.json(await cases.resolve(req.user!, id(req.params), req.body)));

  router.post('/cases/:id/approve', requireUser, validate({ params: CaseIdParams, body: ApproveCase }), async (req, res) =>
    res.json(await cases.approve(req.user!, id(req.params), req.body)));

  router.post('/cases/:id/extend', requireUser, validate({ params: CaseIdParams, body: ExtendCase }), async (req, res) =>
    res.json(await cases.extend(req.user!, id(req.params), req.body)));

  router.post('/cases/:id/withdraw', requireUser, validate({ params: CaseIdParams, body: WithdrawCase }), async (req, res) =>
    res.json(await cases.withdraw(req.user!, id(req.params), req.body.expectedVersion)));

  return router;
}
