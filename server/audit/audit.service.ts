import type { AuditEvent, AuditEventsQuery, AuditExportQuery } from '@shared/schemas/audit';
import type { Decision } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { toWire } from '../domain/decision-views';
import { conflict, forbidden } from '../domain/errors';
import type { ChainEvent, Store } from '../storage/store';
import { createAnchor } from './anchors';
import { verifyAll } from './verify';

const mayInspect = (user: User) => can(user, 'audit.inspect');

/** The salt stays inside the store: with it, a guessed value could be confirmed against a digest. */
const toAuditEvent = ({ personalSalt: _salt, ...event }: ChainEvent): AuditEvent => event as AuditEvent;

const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const dayEnd = (day: string) => `${day}T23:59:59.999Z`;
const EXPORT_CHUNK = 500;

export function createAuditService({ store, clock, signingKey }: { store: Store; clock: Clock; signingKey?: string }) {
  const requireInspector = (user: User) => {
    if (!mayInspect(user)) throw forbidden('forbidden', 'Only governance and admin may inspect the audit trail.');
  };
  return {
    async verify(user: User) {
      requireInspector(user);
      return verifyAll(store, signingKey);
    },
    async anchors(user: User) {
      requireInspector(user);
      return store.anchors.list();
    },
    /** On demand, e.g. before a regulator's export; governance may seal but never change the log. */
    async anchorNow(user: User) {
      requireInspector(user);
      const anchor = (await createAnchor(store, clock, signingKey)) ?? (await store.anchors.latest());
      // Another process sealed the same seq at this moment and it is already gone from view: rare, and worth a retry.
      if (!anchor) throw conflict('conflict', 'Another process sealed the chain heads at the same moment; try again.');
      return anchor;
    },
    /** For the periodic job. */
    anchor: () => createAnchor(store, clock, signingKey),

    async events(user: User, query: AuditEventsQuery) {
      requireInspector(user);
      const after = query.cursor ? decodeCursor<[string, string, number]>(query.cursor, ['string', 'string', 'number']) : null;
      const rows = await store.events.page(
        {
          decisionId: query.decisionId,
          caseId: query.caseId,
          actorId: query.actor,
          action: query.action,
          from: query.from && dayStart(query.from),
          to: query.to && dayEnd(query.to),
        },
        after ? { at: after[0], decisionId: after[1], seq: after[2] } : null,
        query.limit + 1,
      );
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return { items: items.map(toAuditEvent), nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.decisionId, last.seq]) : null };
    },

    /**
     * A regulator's request: every decision or event of a period, streamed chunk by chunk so
     * a year of decisions never sits in memory.
     */
    async *exportRows(user: User, query: AuditExportQuery): AsyncGenerator<Decision | AuditEvent> {
      requireInspector(user);
      const from = dayStart(query.from);
      const to = dayEnd(query.to);
      if (query.kind === 'decisions') {
        let after = null;
        for (;;) {
          const page = await store.decisions.page({ from, to }, after, EXPORT_CHUNK);
          for (const record of page) yield toWire(record);
          if (page.length < EXPORT_CHUNK) return;
          after = { decidedAt: page[page.length - 1]!.decidedAt, id: page[page.length - 1]!.id };
        }
      }
      let after = null;
      for (;;) {
        const page = await store.events.page({ from, to }, after, EXPORT_CHUNK);
        for (const event of page) yield toAuditEvent(event);
        if (page.length < EXPORT_CHUNK) return;
        const last = page[page.length - 1]!;
        after = { at: last.at, decisionId: last.decisionId, seq: last.seq };
      }
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
