import type { DisclosureFilter, DisclosurePageKey, StoredDisclosure } from '../../store';
import { DuplicateKeyError } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function disclosuresRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO disclosures (id, case_id, decision_id, member_id, kind, state, proposed_at, approved_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const decide = db.prepare("UPDATE disclosures SET member_id = ?, state = ?, approved_at = ?, version = ?, doc = ? WHERE id = ? AND state = 'pending'");
  const replace = db.prepare('UPDATE disclosures SET member_id = ?, state = ?, approved_at = ?, version = ?, doc = ? WHERE id = ?');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM disclosures WHERE id = ?');
  const forCase = db.prepare<[string], { doc: string }>('SELECT doc FROM disclosures WHERE case_id = ? ORDER BY proposed_at DESC, id DESC');
  const forDecision = db.prepare<[string], { doc: string }>('SELECT doc FROM disclosures WHERE decision_id = ? ORDER BY proposed_at DESC, id DESC');
  const forMember = db.prepare<[string], { doc: string }>('SELECT doc FROM disclosures WHERE member_id = ? ORDER BY proposed_at DESC, id DESC');
  const all = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as StoredDisclosure);
  const row = (d: StoredDisclosure) => [d.memberId, d.state, d.approvedAt, d.version, JSON.stringify(d)] as const;

  return {
    insert: async (d: StoredDisclosure) => {
      try {
        insert.run(d.id, d.caseId, d.decisionId, d.memberId, d.recipient.kind, d.state, d.proposedAt, d.approvedAt, d.version, JSON.stringify(d));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`disclosure ${d.id}`);
        throw error;
      }
    },
    get: async (id: string) => parse<StoredDisclosure>(get.get(id)),
    // One statement: the second approver's update finds the row no longer pending.
    decide: async (next: StoredDisclosure) => decide.run(...row(next), next.id).changes === 1,
    replace: async (next: StoredDisclosure) => void replace.run(...row(next), next.id),
    forCase: async (caseId: string) => all(forCase.all(caseId)),
    forDecision: async (decisionId: string) => all(forDecision.all(decisionId)),
    forMember: async (memberId: string) => all(forMember.all(memberId)),
    page: async (filter: DisclosureFilter, after: DisclosurePageKey | null, limit: number) => {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (clause: string, ...values: string[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (filter.from) add('proposed_at >= ?', filter.from);
      if (filter.to) add('proposed_at <= ?', filter.to);
      if (filter.kind) add('kind = ?', filter.kind);
      if (filter.state) add('state = ?', filter.state);
      if (after) add('(proposed_at < ? OR (proposed_at = ? AND id < ?))', after.proposedAt, after.proposedAt, after.id);
      const sql = `SELECT doc FROM disclosures ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY proposed_at DESC, id DESC LIMIT ?`;
      return all(db.prepare<(string | number)[], { doc: string }>(sql).all(...params, limit));
    },
    countApproved: async (period: { from?: string; to?: string }, kind: string) => {
      const row = db
        .prepare<[string, string, string], { n: number }>(
          "SELECT COUNT(*) AS n FROM disclosures WHERE state = 'approved' AND kind = ? AND approved_at >= ? AND approved_at <= ?",
        )
        .get(kind, period.from ?? '', period.to ?? '\uffff');
      return row?.n ?? 0;
    },
  };
}
