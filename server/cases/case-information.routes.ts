import { Router } from 'express';
import { addCaseAttachment, addCaseMessage, getCaseAttachment, listCaseAttachments, requestCaseInformation } from '@shared/contract/case-information';
import { serve } from '../http/serve';
import { readUploadedFile } from '../http/multipart';
import type { CaseService } from './cases.service';

/** RFC 6266: an ASCII fallback name and the name itself, percent-encoded. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function caseInformationRouter(cases: CaseService): Router {
  const router = Router();
  serve(router, addCaseMessage, ({ user, params, body }) => cases.addMessage(user, params.id, body.text));
  serve(router, requestCaseInformation, ({ user, params, body }) => cases.requestInformation(user, params.id, body));
  serve(router, addCaseAttachment, ({ user, params, req, res }) => cases.addAttachment(user, params.id, () => readUploadedFile(req, res)));
  serve(router, listCaseAttachments, ({ user, params }) => cases.listAttachments(user, params.id));
  serve(router, getCaseAttachment, async ({ user, params, res }) => {
    const attachment = await cases.getAttachment(user, params.id, params.attachmentId);
    // Always a download, never rendered by the browser in the portal's origin.
    res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    res.type(attachment.mediaType).send(Buffer.from(attachment.bytes));
  });
  return router;
}
