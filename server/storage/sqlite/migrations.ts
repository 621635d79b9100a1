/** Schema of the embedded store. Hot columns are extracted for indexes; the rest is one JSON document. */
export const migrations: string[] = [
  `CREATE TABLE decisions (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     member_id TEXT,
     model_id TEXT NOT NULL,
     model_version TEXT NOT NULL,
     decided_at TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX decisions_member ON decisions (member_id, decided_at DESC, id DESC);
   CREATE INDEX decisions_type ON decisions (type, decided_at DESC, id DESC);
   CREATE INDEX decisions_model ON decisions (model_id, model_version, decided_at DESC, id DESC);
   CREATE INDEX decisions_time ON decisions (decided_at DESC, id DESC);

   CREATE TABLE events (
     decision_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (decision_id, seq)
   ) WITHOUT ROWID;

   CREATE TABLE anchors (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL);

   CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);

   CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, doc TEXT NOT NULL);

   CREATE TABLE login_failures (key TEXT NOT NULL, at TEXT NOT NULL);
   CREATE INDEX login_failures_key ON login_failures (key, at);

   CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);`,

  `CREATE TABLE cases (
     id TEXT PRIMARY KEY,
     decision_id TEXT NOT NULL,
     decision_type TEXT NOT NULL,
     member_id TEXT,
     status TEXT NOT NULL,
     origin TEXT NOT NULL,
     assignee TEXT,
     due_at TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX cases_decision ON cases (decision_id);
   CREATE INDEX cases_type_due ON cases (decision_type, due_at, id);
   CREATE INDEX cases_status_due ON cases (status, due_at, id);
   CREATE INDEX cases_member_due ON cases (member_id, due_at, id);
   CREATE INDEX cases_assignee_due ON cases (assignee, due_at, id);
   CREATE INDEX cases_due ON cases (due_at, id);

   ALTER TABLE events ADD COLUMN at TEXT;
   CREATE INDEX events_at ON events (at);

   CREATE TABLE outbox (id TEXT PRIMARY KEY, delivered INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL);
   CREATE INDEX outbox_pending ON outbox (delivered, id);`,

  `CREATE TABLE models (model_id TEXT NOT NULL, version TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (model_id, version));
   CREATE TABLE legal_holds (member_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
   CREATE TABLE staff_log (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL);
   CREATE INDEX sessions_user ON sessions (user_id);`,

  // Rollups: one row per counter of a rollup document, so an increment is a single upsert
  // (INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n). attribute and grp are '' for the
  // decision-level rollup of a day × type × model version.
  `CREATE TABLE rollups (
     attribute TEXT NOT NULL,
     grp TEXT NOT NULL,
     day TEXT NOT NULL,
     type TEXT NOT NULL,
     model_id TEXT NOT NULL,
     model_version TEXT NOT NULL,
     name TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (attribute, grp, day, type, model_id, model_version, name)
   ) WITHOUT ROWID;
   CREATE INDEX rollups_attribute_day ON rollups (attribute, day, type);`,

  // Reads of a few named counters (the overview's four per day) seek to them instead of
  // filtering every counter row of every document, whose number grows with volume.
  `CREATE INDEX rollups_attribute_name ON rollups (attribute, name, day);`,

  `CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,

  // Outbound deliveries: one row per (outbox entry, event, destination). The engine seeks the due
  // ones by time, a lane's head by (seq, position), and a destination's log by creation time.
  `CREATE TABLE deliveries (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     next_attempt_at TEXT NOT NULL,
     lane TEXT NOT NULL,
     seq INTEGER NOT NULL,
     position INTEGER NOT NULL,
     channel TEXT NOT NULL,
     destination_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at, id);
   CREATE INDEX deliveries_lane ON deliveries (lane, status, seq, position, id);
   CREATE INDEX deliveries_destination ON deliveries (channel, destination_id, created_at, id);
   CREATE TABLE webhook_subscriptions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, doc TEXT NOT NULL);`,

  `CREATE TABLE contacts (member_id TEXT PRIMARY KEY, doc TEXT NOT NULL);`,

  // Ingest keys in the store: found by the digest of the key sent, or of the previous key during
  // the overlap after a rotation.
  `CREATE TABLE ingest_keys (
     id TEXT PRIMARY KEY,
     digest TEXT NOT NULL UNIQUE,
     previous_digest TEXT,
     created_at TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX ingest_keys_previous ON ingest_keys (previous_digest);`,
  // Users provisioned by an OpenID Connect provider are found by (issuer, subject) at each
  // sign-in; unique, so two first sign-ins at once cannot make the same person twice. Local
  // users have no source and are left out of the index.
  `CREATE UNIQUE INDEX users_source ON users (json_extract(doc, '$.source.issuer'), json_extract(doc, '$.source.subject'))
     WHERE json_extract(doc, '$.source.issuer') IS NOT NULL;`,
  // Case documents (issue 17): the bytes in a BLOB beside their description, so lists never read
  // them; secure_delete (sqlite-store.ts) zeroes them on erasure. Members' requests by member.
  `CREATE TABLE attachments (
     id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     member_id TEXT NOT NULL,
     uploaded_at TEXT NOT NULL,
     doc TEXT NOT NULL,
     bytes BLOB NOT NULL
   );
   CREATE INDEX attachments_case ON attachments (case_id, uploaded_at, id);
   CREATE INDEX attachments_member ON attachments (member_id, uploaded_at, id);
   CREATE TABLE member_requests (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, filed_at TEXT NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX member_requests_member ON member_requests (member_id, filed_at);
   CREATE INDEX member_requests_filed ON member_requests (filed_at, id);`,
  // The reviewers' queue searches cases by the claim or policy their decision is about.
  `CREATE INDEX decisions_claim ON decisions (json_extract(doc, '$.subject.claimId'));
   CREATE INDEX decisions_policy ON decisions (json_extract(doc, '$.subject.policyId'));`,
  // The disclosure register (issue 18): by case, decision and member, newest proposal first, and
  // the approved ones per recipient kind by approval time (the governance counts).
  `CREATE TABLE disclosures (
     id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     decision_id TEXT NOT NULL,
     member_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     proposed_at TEXT NOT NULL,
     approved_at TEXT,
     version INTEGER NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX disclosures_case ON disclosures (case_id, proposed_at);
   CREATE INDEX disclosures_decision ON disclosures (decision_id);
   CREATE INDEX disclosures_member ON disclosures (member_id, proposed_at);
   CREATE INDEX disclosures_proposed ON disclosures (proposed_at, id);
   CREATE INDEX disclosures_approved ON disclosures (state, kind, approved_at);`,
  // Members' standing requests for a person and consent withdrawals (issue 18), one row per
  // member; `active` lets ingest ask in one read whether any member has anything in force.
  `CREATE TABLE member_preferences (member_id TEXT PRIMARY KEY, active INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
   CREATE INDEX member_preferences_active ON member_preferences (active);`,
  // Frozen governance reports (issue 19): the unique seq keeps two freezes at once from forking the report chain.
  `CREATE TABLE reports (id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, doc TEXT NOT NULL);`,
  // Monitors (issue 19): governance's thresholds per model, and the alerts their crossings raised.
  // An alert's id names (monitor, subject, crossing): the primary key stores each crossing once.
  `CREATE TABLE monitors (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
   CREATE TABLE monitor_alerts (
     id TEXT PRIMARY KEY,
     monitor_id TEXT NOT NULL,
     subject TEXT NOT NULL,
     crossing INTEGER NOT NULL,
     raised_at TEXT NOT NULL,
     open INTEGER NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX monitor_alerts_subject ON monitor_alerts (monitor_id, subject, crossing);
   CREATE INDEX monitor_alerts_open ON monitor_alerts (open, monitor_id);
   CREATE INDEX monitor_alerts_raised ON monitor_alerts (raised_at, id);`,
];
