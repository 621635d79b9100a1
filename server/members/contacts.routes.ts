import { Router } from 'express';
import { getMyContact, putMemberContact, updateMyContact } from '@shared/contract/contacts';
import { serve } from '../http/serve';
import type { ContactService } from './contacts.service';

export function contactsRouter(contacts: ContactService): Router {
  const router = Router();
  serve(router, putMemberContact, ({ params, body }) => contacts.putFromCrm(params.memberId, body));
  serve(router, getMyContact, ({ user }) => contacts.getOwn(user));
  serve(router, updateMyContact, ({ user, body }) => contacts.updateOwn(user, body ?? {}));
  return router;
}
