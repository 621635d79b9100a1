import { Router } from 'express';
import { decideDisclosure, listCaseDisclosures, listDisclosures, proposeDisclosure } from '@shared/contract/disclosures';
import type { CsvValue } from '../domain/csv';
import { streamCsv } from '../http/csv';
import { serve } from '../http/serve';
import type { DisclosureService } from './disclosures.service';

const CSV_COLUMNS = [
  'id',
  'state',
  'recipientKind',
  'recipientName',
  'fields',
  'reasons',
  'purpose',
  'caseId',
  'proposedBy',
  'proposedAt',
  'decidedBy',
  'decidedAt',
  'approvedAt',
  'rationale',
  'erased',
];

export function disclosuresRouter(disclosures: DisclosureService): Router {
  const router = Router();
  serve(router, proposeDisclosure, ({ user, params, body }) => disclosures.propose(user, params.id, body));
  serve(router, listCaseDisclosures, ({ user, params }) => disclosures.forCase(user, params.id));
  serve(router, decideDisclosure, ({ user, params, body }) => disclosures.decide(user, params.id, body));
  serve(router, listDisclosures, async ({ user, query, res }) => {
    const page = await disclosures.list(user, query);
    if (query.format !== 'csv') return page;
    const rows = page.items.map((d): CsvValue[] => [
      d.id,
      d.state,
      d.recipient.kind,
      d.recipient.name,
      d.fields.join(' '),
      Object.entries(d.reasons)
        .map(([field, reason]) => `${field}: ${reason}`)
        .join(' | '),
      d.purpose,
      d.caseId,
      d.proposedBy.username,
      d.proposedAt,
      d.decidedBy?.username ?? null,
      d.decidedAt,
      d.approvedAt,
      d.rationale,
      d.erased,
    ]);
    await streamCsv(res, 'recourse-disclosures.csv', CSV_COLUMNS, rows);
  });
  return router;
}
