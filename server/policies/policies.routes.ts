import { Router } from 'express';
import { isStaff } from '@shared/auth/permissions';
import { getPolicies } from '@shared/contract/system';
import { forbidden } from '../domain/errors';
import { serve } from '../http/serve';
import type { Policies } from '../domain/policies';

/** Governance (and every staff member) can read the rules in force; nobody changes them over HTTP. */
export function policiesRouter(policies: Policies): Router {
  const router = Router();
  serve(router, getPolicies, ({ user }) => {
    if (!isStaff(user)) throw forbidden('forbidden', 'Policies are for staff.');
    return policies;
  });
  return router;
}
