import { Router } from 'express';
import {
  createIngestKey,
  createUser,
  listIngestKeys,
  listUsers,
  resetUserPassword,
  revokeIngestKey,
  rotateIngestKey,
  updateUser,
} from '@shared/contract/admin';
import { listStaffLog } from '@shared/contract/audit';
import { DEFAULT_KEY_OVERLAP_HOURS } from '@shared/schemas/admin';
import { serve } from '../http/serve';
import type { StaffLogService } from '../audit/staff-log.service';
import type { IngestKeyService } from './ingest-keys.service';
import type { UsersAdminService } from './users-admin.service';

export function adminRouter(s: { usersAdmin: UsersAdminService; ingestKeys: IngestKeyService; staffLog: StaffLogService }): Router {
  const router = Router();
  serve(router, listUsers, ({ user }) => s.usersAdmin.list(user));
  serve(router, createUser, ({ user, body }) => s.usersAdmin.create(user, body));
  serve(router, updateUser, ({ user, params, body }) => s.usersAdmin.update(user, params.id, body));
  serve(router, resetUserPassword, ({ user, params, body }) => s.usersAdmin.resetPassword(user, params.id, body));
  serve(router, listIngestKeys, ({ user }) => s.ingestKeys.list(user));
  serve(router, createIngestKey, ({ user, body }) => s.ingestKeys.create(user, body));
  serve(router, rotateIngestKey, ({ user, params, body }) => s.ingestKeys.rotate(user, params.id, body?.overlapHours ?? DEFAULT_KEY_OVERLAP_HOURS));
  serve(router, revokeIngestKey, ({ user, params }) => s.ingestKeys.revoke(user, params.id));
  serve(router, listStaffLog, ({ user, query }) => s.staffLog.list(user, query.limit));
  return router;
}
