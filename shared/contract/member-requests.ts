import { MemberRequest, MemberRequestIdParams, MemberRequestList, MemberRequestUpdate, NewMemberRequest } from '../schemas/member-request';
import { json, route } from './route';

export const fileMemberRequest = route({
  operationId: 'fileMemberRequest',
  method: 'post',
  path: '/me/requests',
  summary: 'File a request the privacy statement promises: erasure, rectification, restriction, objection, consent withdrawal (members)',
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

export const memberRequestRoutes = [fileMemberRequest, listMyRequests, listMemberRequests, updateMemberRequest];
