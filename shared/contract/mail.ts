import { MemberMailList, MemberMailMessage, MemberMailParams } from '../schemas/member-mail';
import { json, route } from './route';

export const listMemberMail = route({
  operationId: 'listMemberMail',
  method: 'get',
  path: '/admin/mail',
  summary: 'Mail to members written by the demonstration (no SMTP_URL), newest first (admin)',
  caller: 'person',
  permissions: ['admin.console'],
  responses: { 200: json(MemberMailList) },
});

export const getMemberMail = route({
  operationId: 'getMemberMail',
  method: 'get',
  path: '/admin/mail/:mailId',
  summary: 'One mail to a member: subject, address, language, text and HTML (admin)',
  caller: 'person',
  permissions: ['admin.console'],
  params: MemberMailParams,
  responses: { 200: json(MemberMailMessage) },
  problems: { 404: 'not_found: no such mail' },
});

export const mailRoutes = [listMemberMail, getMemberMail];
