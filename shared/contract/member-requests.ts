import {
  MemberRequest,
  MemberRequestDecision,
  MemberRequestExtension,
  MemberRequestIdParams,
  MemberRequestList,
  MemberRequestUpdate,
  NewMemberRequest,
  RegisteredMemberRequest,
} from '../schemas/member-request';
import { json, route } from './route';

export const fileMemberRequest = route({
  operationId: 'fileMemberRequest',
  method: 'post',
  path: '/me/requests',
  summary:
    'File a request the privacy statement promises: erasure, rectification, restriction, objection, consent withdrawal (members); due one calendar month after receipt',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  body: NewMemberRequest,
  responses: { 201: json(MemberRequest, 'The request as received') },
  problems: { 409: 'conflict: a request of this kind is already open' },
});

export const listMyRequests = route({
  operationId: 'listMyRequests',
  method: 'get',
  path: '/me/requests',
  summary: 'My requests and where they stand, newest first (members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  responses: { 200: json(MemberRequestList) },
});

export const listMemberRequests = route({
  operationId: 'listMemberRequests',
  method: 'get',
  path: '/admin/requests',
  summary: "Members' requests (erasure and the others) with their state, newest first (admin)",
  caller: 'person',
  permissions: ['personalData.erase'],
  responses: { 200: json(MemberRequestList) },
});

export const updateMemberRequest = route({
  operationId: 'updateMemberRequest',
  method: 'patch',
  path: '/admin/requests/:id',
  summary: "Move a member's request on: received, in progress, done or refused (admin; on the staff log)",
  caller: 'person',
  permissions: ['personalData.erase'],
  params: MemberRequestIdParams,
  body: MemberRequestUpdate,
  responses: { 200: json(MemberRequest, 'The request as it stands now') },
  problems: { 409: 'invalid_state: a request that is done or refused is closed' },
});

export const registerMemberRequest = route({
  operationId: 'registerMemberRequest',
  method: 'post',
  path: '/admin/requests',
  summary: 'Register an erasure request received by phone or post, with the day it came in (admin; the deadline runs from then)',
  caller: 'person',
  permissions: ['personalData.erase'],
  body: RegisteredMemberRequest,
  responses: { 201: json(MemberRequest, 'The request as received') },
  problems: { 409: 'conflict: a request of this kind is already open for the member' },
});

export const decideMemberRequest = route({
  operationId: 'decideMemberRequest',
  method: 'post',
  path: '/admin/requests/:id/decision',
  summary:
    "Answer a member's request: erase the member (erasure requests; the member is mailed before the contact is forgotten) or refuse on a legal ground the member reads (admin; on the staff log)",
  caller: 'person',
  permissions: ['personalData.erase'],
  params: MemberRequestIdParams,
  body: MemberRequestDecision,
  responses: { 200: json(MemberRequest, 'The request as it stands now') },
  problems: {
    400: 'validation_failed: a refusal needs a ground and an explanation; only an erasure request is answered by erasing',
    409: 'version_conflict (with currentVersion), invalid_state (already answered), legal_hold (erasing a member under a legal hold)',
  },
});

export const extendMemberRequest = route({
  operationId: 'extendMemberRequest',
  method: 'post',
  path: '/admin/requests/:id/extend',
  summary: "Extend a request's deadline once by one or two months, with a reason the member reads, before the original due date (admin)",
  caller: 'person',
  permissions: ['personalData.erase'],
  params: MemberRequestIdParams,
  body: MemberRequestExtension,
  responses: { 200: json(MemberRequest, 'The request as it stands now') },
  problems: { 409: 'version_conflict (with currentVersion), invalid_state (closed, or already extended), deadline_passed' },
});

export const memberRequestRoutes = [
  fileMemberRequest,
  listMyRequests,
  listMemberRequests,
  updateMemberRequest,
  registerMemberRequest,
  decideMemberRequest,
  extendMemberRequest,
];
