import { Router } from 'express';
import { isStaff } from '@shared/auth/permissions';
import { requireUser } from '../http/auth';
import { forbidden } from '../domain/errors';
import type { Policies } from '../domain/policies';

/** Governance (and every staff member) can read the rules in force; nobody changes them over HTTP. */
export function policiesRouter(policies: Policies): Router {
  const router = Router();
  router.get('/policies', requireUser, (req, res) => {
    if (!isStaff(req.user!)) throw forbidden('forbidden', 'Policies are for staff.');
    res.json(policies);
  });
  return router;
}
