import { adminRoutes } from './admin';
import { auditRoutes } from './audit';
import { caseRoutes } from './cases';
import { caseInformationRoutes } from './case-information';
import { memberRequestRoutes } from './member-requests';
import { disclosureRoutes } from './disclosures';
import { automationPreferenceRoutes } from './automation-preferences';
import { contactRoutes } from './contacts';
import { mailRoutes } from './mail';
import { decisionRoutes } from './decisions';
import { driftRoutes } from './drift';
import { memberRoutes } from './members';
import { metricsRoutes } from './metrics';
import { modelRoutes } from './models';
import { reportRoutes } from './reports';
import { monitorRoutes } from './monitors';
import type { RouteSpec } from './route';
import { sessionRoutes } from './session';
import { systemRoutes } from './system';
import { webhookRoutes } from './webhooks';

/** Every route of the API, in the order the document lists them. */
export const API_ROUTES: readonly RouteSpec[] = [
  ...systemRoutes,
  ...sessionRoutes,
  ...decisionRoutes,
  ...caseRoutes,
  ...caseInformationRoutes,
  ...modelRoutes,
  ...memberRoutes,
  ...memberRequestRoutes,
  ...disclosureRoutes,
  ...automationPreferenceRoutes,
  ...contactRoutes,
  ...mailRoutes,
  ...auditRoutes,
  ...metricsRoutes,
  ...reportRoutes,
  ...driftRoutes,
  ...monitorRoutes,
  ...webhookRoutes,
  ...adminRoutes,
];
