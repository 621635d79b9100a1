import { z } from 'zod';
import { Anchor, AuditEventPage, AuditEventsQuery, AuditExportQuery, VerifyResult } from '../schemas/audit';
import { StaffLogPage, StaffLogQuery } from '../schemas/staff-log';
import { json, route } from './route';

export const verifyAudit = route({
  operationId: 'verifyAudit',
  method: 'get',
  path: '/audit/verify',
  summary: 'Recompute every chain and anchor',
  caller: 'person',
  permissions: ['audit.inspect'],
  responses: { 200: json(VerifyResult) },
});

export const listAnchors = route({
  operationId: 'listAnchors',
  method: 'get',
  path: '/audit/anchors',
  summary: 'The anchors: signed seals of the chain heads',
  caller: 'person',
  permissions: ['audit.inspect'],
  responses: { 200: json(z.object({ items: z.array(Anchor) })) },
});

export const sealAnchor = route({
  operationId: 'sealAnchor',
  method: 'post',
  path: '/audit/anchors',
  summary: 'Seal the chain heads now',
  caller: 'person',
  permissions: ['audit.inspect'],
  responses: { 201: json(Anchor, 'The new anchor') },
  problems: { 409: 'conflict: another process sealed at the same moment' },
});

export const listAuditEvents = route({
  operationId: 'listAuditEvents',
  method: 'get',
  path: '/audit/events',
  summary: 'Chain events, newest first',
  caller: 'person',
  permissions: ['audit.inspect'],
  query: AuditEventsQuery,
  responses: { 200: json(AuditEventPage) },
  problems: { 400: 'validation_failed, invalid_cursor' },
});

export const exportAudit = route({
  operationId: 'exportAudit',
  method: 'get',
  path: '/audit/export',
  summary: 'Decisions or events of a period, streamed (NDJSON or CSV)',
  caller: 'person',
  permissions: ['audit.inspect'],
  query: AuditExportQuery,
  responses: {
    200: {
      description: 'Streamed rows, one per line',
      media: ['application/x-ndjson', 'text/csv'],
      headers: { 'Content-Disposition': { description: 'attachment; filename="recourse-<kind>-<from>-<to>.<ndjson|csv>"', required: true } },
    },
  },
});

export const listStaffLog = route({
  operationId: 'listStaffLog',
  method: 'get',
  path: '/audit/staff-log',
  summary:
    'The staff log, newest first: exports, erasures, holds, and every admin change to people, keys and models (hash-chained; never a member id or a secret)',
  caller: 'person',
  permissions: ['audit.inspect'],
  query: StaffLogQuery,
  responses: { 200: json(StaffLogPage) },
});

export const auditRoutes = [verifyAudit, listAnchors, sealAnchor, listAuditEvents, exportAudit, listStaffLog];
