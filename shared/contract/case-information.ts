import { Attachment, AttachmentList, AttachmentParams, AttachmentUpload } from '../schemas/attachment';
import { CaseDetail, CaseIdParams } from '../schemas/case';
import { MemberMessage, RequestInformation } from '../schemas/case-information';
import { json, route } from './route';

/*
 * Adding information to an open case (issue 17, point 7): the member's messages and documents,
 * and a reviewer's request for them. Each goes on the decision's chain like a comment, so both
 * sides see it on the case's timeline.
 */

export const addCaseMessage = route({
  operationId: 'addCaseMessage',
  method: 'post',
  path: '/cases/:id/messages',
  summary: 'Add information to my open case: a message the reviewers read (members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  params: CaseIdParams,
  body: MemberMessage,
  responses: { 201: json(CaseDetail, 'The case with the message on its timeline') },
  problems: { 409: 'invalid_state: the case is closed; version_conflict when it changed at the same moment' },
});

export const requestCaseInformation = route({
  operationId: 'requestCaseInformation',
  method: 'post',
  path: '/cases/:id/information-requests',
  summary: 'Ask the member for information (stops no clock; the member is told by e-mail)',
  caller: 'person',
  permissions: ['cases.review'],
  params: CaseIdParams,
  body: RequestInformation,
  responses: { 200: json(CaseDetail) },
  problems: { 409: 'version_conflict (with currentVersion), invalid_state (closed, or a sample case, whose member is not involved)' },
});

export const addCaseAttachment = route({
  operationId: 'addCaseAttachment',
  method: 'post',
  path: '/cases/:id/attachments',
  summary: 'Add a document to my open case: PDF, JPEG or PNG, at most 10 MiB, its type read from its bytes (members)',
  caller: 'person',
  permissions: ['decisions.readOwn'],
  params: CaseIdParams,
  bodyMedia: { 'multipart/form-data': AttachmentUpload },
  responses: { 201: json(Attachment, 'The document as kept') },
  problems: {
    400: 'validation_failed: no part `file`, more than one file, or a part the form does not take',
    409: 'invalid_state: the case is closed; version_conflict when it changed at the same moment',
    413: 'payload_too_large: the file is larger than 10 MiB',
    415: 'unsupported_media_type: not multipart/form-data; unsupported_file_type: the bytes are not a PDF, JPEG or PNG; file_type_mismatch: the bytes are not what the file name (or the declared type) says',
  },
});

export const listCaseAttachments = route({
  operationId: 'listCaseAttachments',
  method: 'get',
  path: '/cases/:id/attachments',
  summary: "A case's documents, oldest first (the member their own; reviewers in scope)",
  caller: 'person',
  params: CaseIdParams,
  responses: { 200: json(AttachmentList) },
});

export const getCaseAttachment = route({
  operationId: 'getCaseAttachment',
  method: 'get',
  path: '/cases/:id/attachments/:attachmentId',
  summary: 'The bytes of one document, as a download',
  caller: 'person',
  params: AttachmentParams,
  responses: {
    200: {
      description: 'The document',
      media: ['application/pdf', 'image/jpeg', 'image/png'],
      headers: { 'Content-Disposition': { description: 'attachment; filename="…"', required: true } },
    },
  },
});

export const caseInformationRoutes = [addCaseMessage, requestCaseInformation, addCaseAttachment, listCaseAttachments, getCaseAttachment];
