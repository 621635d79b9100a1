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
];
