import { ContactPreferences, ContactUpdate, MemberContact } from '../schemas/contact';
import { MemberIdParams } from '../schemas/session';
import { json, route } from './route';

export const putMemberContact = route({
  operationId: 'putMemberContact',
  method: 'put',
  path: '/members/:memberId/contact',
  summary: "Set a member's e-mail address and language (the insurer's CRM, with an ingest key); the member's e-mail preference stays",
  caller: 'ingest',
  params: MemberIdParams,
  body: ContactUpdate,
  responses: { 200: json(MemberContact, 'The contact data as now kept') },
});

export const getMyContact = route({
  operationId: 'getMyContact',
  method: 'get',
  path: '/me/contact',
  summary: 'My contact data: e-mail address, language and how I am told about my cases (members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  responses: { 200: json(MemberContact) },
});

export const updateMyContact = route({
  operationId: 'updateMyContact',
  method: 'patch',
  path: '/me/contact',
  summary: 'Change my language or opt out of e-mail (then I am told by post; members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  body: ContactPreferences,
  // Each field is optional, so no body at all changes nothing, as `{}` does: the document says so.
  bodyOptional: true,
  responses: { 200: json(MemberContact, 'The contact data as now kept') },
});

export const contactRoutes = [putMemberContact, getMyContact, updateMyContact];
