import { Router } from 'express';
import {
  decideMemberRequest,
  extendMemberRequest,
  fileMemberRequest,
  listMemberRequests,
  listMyRequests,
  registerMemberRequest,
  updateMemberRequest,
} from '@shared/contract/member-requests';
import { serve } from '../http/serve';
import type { RequestService } from './requests.service';

export function requestsRouter(requests: RequestService): Router {
  const router = Router();
  serve(router, fileMemberRequest, ({ user, body }) => requests.file(user, body));
  serve(router, listMyRequests, ({ user }) => requests.listOwn(user));
  serve(router, listMemberRequests, ({ user }) => requests.listAll(user));
  serve(router, updateMemberRequest, ({ user, params, body }) => requests.update(user, params.id, body));
  serve(router, registerMemberRequest, ({ user, body }) => requests.register(user, body));
  serve(router, decideMemberRequest, ({ user, params, body }) => requests.decide(user, params.id, body));
  serve(router, extendMemberRequest, ({ user, params, body }) => requests.extend(user, params.id, body));
  return router;
}
