import { Router, type Response } from 'express';
import { exportAudit, listAnchors, listAuditEvents, listStaffLog, sealAnchor, verifyAudit } from '@shared/contract/audit';
import type { AuditEvent, AuditExportQuery } from '@shared/schemas/audit';
import type { Decision } from '@shared/schemas/decision';
import { serve } from '../http/serve';
import { csvLine, type CsvValue } from '../domain/csv';
import type { AuditService } from './audit.service';
import type { StaffLogService } from './staff-log.service';

const DECISION_COLUMNS = [
  'id',
  'type',
  'decidedAt',
  'recordedAt',
  'memberId',
  'modelId',
  'modelVersion',
  'legalBasis',
  'output',
  'effectiveOutcome',
  'overridden',
  'findings',
  'hash',
];
// actorIssuer and actorSubject: the person at the insurer's provider; empty for local users and the system.
const EVENT_COLUMNS = ['decisionId', 'seq', 'at', 'action', 'actorId', 'actorRole', 'actorIssuer', 'actorSubject', 'caseId', 'data', 'hash', 'prevHash'];

const isEvent = (row: Decision | AuditEvent): row is AuditEvent => 'seq' in row;

/** A row's values in the order of its kind's columns. */
function csvRow(kind: AuditExportQuery['kind'], row: Decision | AuditEvent): CsvValue[] {
  if (kind === 'decisions' && !isEvent(row)) {
    return [
      row.id,
      row.type,
      row.decidedAt,
      row.recordedAt,
      row.subject.memberId,
      row.model.id,
      row.model.version,
      row.legalBasis,
      JSON.stringify(row.output),
      JSON.stringify(row.effectiveOutcome),
      row.overridden,
      JSON.stringify(row.findings),
      row.hash,
    ];
  }
  if (kind === 'events' && isEvent(row)) {
    const { actor } = row;
    return [
      row.decisionId,
      row.seq,
      row.at,
      row.action,
      actor.id,
      actor.role,
      actor.issuer ?? '',
      actor.subject ?? '',
      row.caseId,
      JSON.stringify(row.data),
      row.hash,
      row.prevHash,
    ];
  }
  throw new Error(`the ${kind} export yielded a row of the other kind`);
}

/** Writes with backpressure: a slow client slows the export, it does not fill our memory. */
const write = async (res: Response, chunk: string) => {
  if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
};

export function auditRouter(audit: AuditService, staffLog: StaffLogService): Router {
  const router = Router();
  serve(router, listStaffLog, ({ user, query }) => staffLog.list(user, query.limit, query.action));
  serve(router, verifyAudit, ({ user }) => audit.verify(user));
  serve(router, listAnchors, async ({ user }) => ({ items: await audit.anchors(user) }));
  serve(router, sealAnchor, ({ user }) => audit.anchorNow(user));
  serve(router, listAuditEvents, ({ user, query }) => audit.events(user, query));

  serve(router, exportAudit, async ({ user, query, res }) => {
    const rows = audit.exportRows(user, query)[Symbol.asyncIterator]();
    // Pull the first row before sending headers, so an access or input error is still a clean problem.
    let next = await rows.next();
    const csv = query.format === 'csv';
    res.status(200);
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('Content-Disposition', `attachment; filename="recourse-${query.kind}-${query.from}-${query.to}.${csv ? 'csv' : 'ndjson'}"`);
    if (csv) await write(res, csvLine(query.kind === 'decisions' ? DECISION_COLUMNS : EVENT_COLUMNS));
    for (; !next.done; next = await rows.next()) {
      await write(res, csv ? csvLine(csvRow(query.kind, next.value)) : JSON.stringify(next.value) + '\n');
    }
    res.end();
  });
  return router;
}
