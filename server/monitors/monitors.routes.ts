import { Router } from 'express';
import { createMonitor, deleteMonitor, listMonitorAlerts, listMonitors, updateMonitor } from '@shared/contract/monitors';
import { serve } from '../http/serve';
import type { MonitorService } from './monitors.service';

export function monitorsRouter(s: MonitorService): Router {
  const router = Router();
  serve(router, listMonitors, ({ user }) => s.list(user));
  serve(router, createMonitor, ({ user, body }) => s.create(user, body));
  serve(router, listMonitorAlerts, ({ user, query }) => s.alerts(user, query));
  serve(router, updateMonitor, ({ user, params, body }) => s.update(user, params.id, body));
  serve(router, deleteMonitor, ({ user, params }) => s.remove(user, params.id));
  return router;
}
