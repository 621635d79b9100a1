import { randomBytes } from 'node:crypto';
import type { Attachment, AttachmentList } from '@shared/schemas/attachment';
import type { CaseDetail } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import { isStaff } from '@shared/auth/permissions';
import { allowedActions } from '@shared/cases/allowed-actions';
import { forbidden, notFound } from '../domain/errors';
import type { StoredAttachment, StoredCase } from '../storage/store';
import { toWireAttachment, type UploadedFile } from '../domain/attachment-views';
import { commitCaseChange } from './case-chain';
import { actorOf, bump, invalidState, requireActingReviewer, type CaseContext } from './case-context';
import { documentType } from './document-type';

/**
 * Adding information to an open case (issue 17, point 7): the member's messages and documents,
 * a reviewer's request for them. Each is an event on the decision's chain, like a comment, so it
 * shows on the case for both sides; the words and file names are in the event's erasable part.
 */
export function createCaseInformation(ctx: CaseContext) {
  const { store, clock, chainDeps, loadCase, act } = ctx;
  const mayAddInformation = (user: User, c: StoredCase) => allowedActions(c, user, clock.now()).includes('addInformation');

  /** Only the member adds to their case; staff read what was added (and comment or ask). */
  function requireMemberAdding(user: User, c: StoredCase) {
    if (isStaff(user)) throw forbidden('forbidden', 'Only the member adds information to their case; staff comment or ask for it.');
    if (!mayAddInformation(user, c)) throw invalidState('This case is closed; nothing can be added to it.');
  }

  return {
    addMessage: (user: User, caseId: string, text: string): Promise<CaseDetail> =>
      act(user, caseId, undefined, { access: (c) => requireMemberAdding(user, c) }, (c) => ({
        action: 'member_message',
        next: bump(c, {}),
        visibility: 'member',
        text,
      })),

    requestInformation: (user: User, caseId: string, body: { text: string; expectedVersion: number }): Promise<CaseDetail> =>
      act(
        user,
        caseId,
        body.expectedVersion,
        {
          access: (c) => requireActingReviewer(user, c),
          state: (c) => {
            if (allowedActions(c, user, clock.now()).includes('requestInformation')) return;
            throw invalidState(c.origin === 'sample' ? 'A sample case has no member to ask.' : 'This case is closed.');
          },
        },
        // No new due date: asking stops no clock (GDPR Art. 12(3) counts from the objection).
        (c) => ({ action: 'information_requested', next: bump(c, {}), visibility: 'member', text: body.text, notify: 'information_requested' }),
      ),

    /** `readFile` reads the upload once the case is known to be the member's and open. */
    async addAttachment(user: User, caseId: string, readFile: () => Promise<UploadedFile>): Promise<Attachment> {
      const { c, decision, head } = await loadCase(user, caseId);
      requireMemberAdding(user, c);
      const file = await readFile();
      const mediaType = await documentType(file);
      const now = clock.now();
      const attachment: StoredAttachment = {
        id: `att_${randomBytes(12).toString('hex')}`,
        caseId: c.id,
        decisionId: decision.id,
        memberId: c.memberId ?? decision.subject.memberId,
        fileName: file.fileName.slice(0, 255),
        mediaType,
        size: file.bytes.length,
        uploadedAt: now.toISOString(),
        uploadedBy: 'member',
        bytes: file.bytes,
      };
      // The bytes first, then the event that shows them: a failed event takes the bytes back.
      await store.attachments.add(attachment);
      try {
        await commitCaseChange(chainDeps, decision, head, c, actorOf(user), {
          action: 'attachment_added',
          next: bump(c, {}),
          visibility: 'member',
          text: attachment.fileName,
          data: { attachmentId: attachment.id, mediaType, size: attachment.size },
        });
      } catch (error) {
        await store.attachments.delete(attachment.id);
        throw error;
      }
      return toWireAttachment(attachment);
    },

    async listAttachments(user: User, caseId: string): Promise<AttachmentList> {
      const { c } = await loadCase(user, caseId);
      return { items: (await store.attachments.listForCase(c.id)).map(toWireAttachment) };
    },

    /** The bytes of one document of a case the user may see; 404 for any other. */
    async getAttachment(user: User, caseId: string, attachmentId: string): Promise<StoredAttachment> {
      const { c } = await loadCase(user, caseId);
      const attachment = await store.attachments.get(attachmentId);
      if (!attachment || attachment.caseId !== c.id) throw notFound(`No document ${attachmentId} on this case.`);
      return attachment;
    },
  };
}
