import type { AuditEvent, AuditEventsQuery, AuditExportQuery, AuditPerson } from '@shared/schemas/audit';
import type { Decision } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import { can, isStaff } from '@shared/auth/permissions';
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

/** The user ids an event names: who acted, and whom a case was given to or who proposed. */
const idsNamedIn = (event: ChainEvent): string[] =>
  [event.actor.id, event.data.assignee, event.data.proposedBy].filter((id): id is string => typeof id === 'string' && id.length > 0);

/** Staff named on a page of events, by name: one lookup per distinct id (a page names a handful of people). */
async function peopleNamedIn(store: Store, events: ChainEvent[]): Promise<Record<string, AuditPerson>> {
  const ids = [...new Set(events.flatMap(idsNamedIn))].filter((id) => id !== 'system');
  const users = await Promise.all(ids.map((id) => store.users.byId(id)));
  const people: Record<string, AuditPerson> = {};
  for (const u of users) if (u && isStaff(u)) people[u.id] = { username: u.username, displayName: u.displayName ?? null };
  return people;
}

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
      // People look for a colleague by name; an id (from an export) still works.
      const actorId = query.actor ? ((await store.users.byUsername(query.actor))?.id ?? query.actor) : undefined;
      const rows = await store.events.page(
        {
          decisionId: query.decisionId,
          caseId: query.caseId,
          actorId,
          action: query.action,
          from: query.from && dayStart(query.from),
          to: query.to && dayEnd(query.to),
        },
        after ? { at: after[0], decisionId: after[1], seq: after[2] } : null,
        query.limit + 1,
      );
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map(toAuditEvent),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.decisionId, last.seq]) : null,
        people: await peopleNamedIn(store, items),
      };
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
