import { Router } from 'express';
import { isStaff } from '../auth/access';
import { requireUser } from '../http/auth';
import { forbidden } from '../http/problem';
import type { Policies } from './policies';

/** Governance (and every staff member) can read the rules in force; nobody changes them over HTTP. */
export function policiesRouter(policies: Policies): Router {
  const router = Router();
  router.get('/policies', requireUser, (req, res) => {
    if (!isStaff(req.user!)) throw forbidden('forbidden', 'Policies are for staff.');
    res.json(policies);
  });
  return router;
}
