import { Router } from 'express';
import { createUser, listUsers, resetUserPassword, updateUser } from '@shared/contract/admin';
import { serve } from '../http/serve';
import type { UsersAdminService } from './users-admin.service';

export function usersAdminRouter(s: UsersAdminService): Router {
  const router = Router();
  serve(router, listUsers, ({ user }) => s.list(user));
  serve(router, createUser, ({ user, body }) => s.create(user, body));
  serve(router, updateUser, ({ user, params, body }) => s.update(user, params.id, body));
  serve(router, resetUserPassword, ({ user, params, body }) => s.resetPassword(user, params.id, body));
  return router;
}
