import { Router } from 'express';
import { getMemberMail, listMemberMail } from '@shared/contract/mail';
import { serve } from '../http/serve';
import type { MailboxService } from './mailbox.service';

export function mailRouter(mailbox: MailboxService): Router {
  const router = Router();
  serve(router, listMemberMail, ({ user }) => mailbox.list(user));
  serve(router, getMemberMail, ({ user, params }) => mailbox.get(user, params.mailId));
  return router;
}
