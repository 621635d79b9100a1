import { Router } from 'express';
import {
  getMemberAutomationPreferences,
  getMyAutomationPreferences,
  registerAutomationPreferences,
  setMyAutomationPreferences,
  withdrawMyConsent,
} from '@shared/contract/automation-preferences';
import { serve } from '../http/serve';
import type { AutomationPreferenceService } from './automation-preferences.service';

export function automationPreferencesRouter(preferences: AutomationPreferenceService): Router {
  const router = Router();
  serve(router, getMyAutomationPreferences, ({ user }) => preferences.getOwn(user));
  serve(router, setMyAutomationPreferences, ({ user, body }) => preferences.setOwn(user, body));
  serve(router, withdrawMyConsent, ({ user, body }) => preferences.withdrawConsent(user, body));
  serve(router, getMemberAutomationPreferences, ({ params }) => preferences.forScoring(params.memberId));
  serve(router, registerAutomationPreferences, ({ user, params, body }) => preferences.register(user, params.memberId, body));
  return router;
}
