import {
  AdminUserList,
  AdminUserView,
  CreateIngestKey,
  CreateUser,
  IngestKeyIdParams,
  IngestKeyList,
  IngestKeyView,
  IngestKeyWithSecret,
  PasswordResetDone,
  ResetPassword,
  RotateIngestKey,
  UpdateUser,
  UserCreated,
  UserIdParams,
} from '../schemas/admin';
import { json, route } from './route';

/* The admin console's people and ingest keys. Every change is on the staff log. */

export const listUsers = route({
  operationId: 'listUsers',
  method: 'get',
  path: '/admin/users',
  summary: 'Every account, local and provisioned, with roles, scopes, source and state (admin; never a password)',
  caller: 'person',
  permissions: ['users.manage'],
  responses: { 200: json(AdminUserList) },
});

export const createUser = route({
  operationId: 'createUser',
  method: 'post',
  path: '/admin/users',
  summary:
    'Make a local staff account with a one-time password (given, or generated and answered once); the person chooses their own at first sign-in (admin; logged)',
  caller: 'person',
  permissions: ['users.manage'],
  body: CreateUser,
  responses: { 201: json(UserCreated, 'Made; generatedPassword only when the server chose it') },
  problems: { 409: 'conflict: the user name is taken' },
});

export const updateUser = route({
  operationId: 'updateUser',
  method: 'patch',
  path: '/admin/users/:id',
  summary: "Change a person's roles, scopes, display name, or disable them (every session ends at once) (admin; logged)",
  caller: 'person',
  permissions: ['users.manage'],
  params: UserIdParams,
  body: UpdateUser,
  responses: { 200: json(AdminUserView) },
  problems: {
    404: 'not_found: no such user',
    409: "own_account: an admin does not disable or demote themselves, so the last enabled admin stays; invalid_state: a member's account keeps the member role, a provisioned person's roles come from the identity provider",
  },
});

export const resetUserPassword = route({
  operationId: 'resetUserPassword',
  method: 'post',
  path: '/admin/users/:id/password-reset',
  summary:
    "Give a local account a one-time password (given, or generated and answered once); the person's sessions end and they choose their own at next sign-in (admin; logged)",
  caller: 'person',
  permissions: ['users.manage'],
  params: UserIdParams,
  body: ResetPassword,
  bodyOptional: true,
  responses: { 200: json(PasswordResetDone) },
  problems: {
    404: 'not_found: no such user',
    409: 'invalid_state: the person signs in through the identity provider; own_account: one changes one’s own password with the current one',
  },
});

export const listIngestKeys = route({
  operationId: 'listIngestKeys',
  method: 'get',
  path: '/admin/ingest-keys',
  summary: 'Ingest keys kept in the store: name, types, first characters, last use, rotation and revocation (admin; never a key)',
  caller: 'person',
  permissions: ['ingestKeys.manage'],
  responses: { 200: json(IngestKeyList) },
});

export const createIngestKey = route({
  operationId: 'createIngestKey',
  method: 'post',
  path: '/admin/ingest-keys',
  summary: 'Make an ingest key for a scoring service, optionally held to decision types; the key is answered here only (admin; logged)',
  caller: 'person',
  permissions: ['ingestKeys.manage'],
  body: CreateIngestKey,
  responses: { 201: json(IngestKeyWithSecret, 'Made, with the key (shown once; only its SHA-256 is kept)') },
});

export const rotateIngestKey = route({
  operationId: 'rotateIngestKey',
  method: 'post',
  path: '/admin/ingest-keys/:id/rotate',
  summary: 'A new key, answered once; the old one keeps working for overlapHours (default 24, 0 to 168) (admin; logged)',
  caller: 'person',
  permissions: ['ingestKeys.manage'],
  params: IngestKeyIdParams,
  body: RotateIngestKey,
  bodyOptional: true,
  responses: { 200: json(IngestKeyWithSecret, 'Rotated, with the new key (shown once)') },
  problems: { 404: 'not_found: no such key', 409: 'invalid_state: the key is revoked' },
});

export const revokeIngestKey = route({
  operationId: 'revokeIngestKey',
  method: 'post',
  path: '/admin/ingest-keys/:id/revoke',
  summary: 'Revoke a key (and its predecessor in an overlap): 401 from the next request on; the record stays, for the log (admin; logged)',
  caller: 'person',
  permissions: ['ingestKeys.manage'],
  params: IngestKeyIdParams,
  bodyOptional: true,
  responses: { 200: json(IngestKeyView, 'Revoked (also when it was already)') },
  problems: { 404: 'not_found: no such key' },
});

export const adminRoutes = [listUsers, createUser, updateUser, resetUserPassword, listIngestKeys, createIngestKey, rotateIngestKey, revokeIngestKey];
