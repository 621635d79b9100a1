import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { migrations } from './migrations';
import { rollupsRepo } from './sqlite-rollups';
import type { Db } from './repos/rows';
import { decisionsRepo } from './repos/decisions';
import { eventsRepo } from './repos/events';
import { casesRepo } from './repos/cases';
import { outboxRepo } from './repos/outbox';
import { deliveriesRepo } from './repos/deliveries';
import { webhooksRepo } from './repos/webhooks';
import { modelsRepo } from './repos/models';
import { holdsRepo } from './repos/holds';
import { contactsRepo } from './repos/contacts';
import { staffLogRepo } from './repos/staff-log';
import { anchorsRepo } from './repos/anchors';
import { reportsRepo } from './repos/reports';
import { usersRepo } from './repos/users';
import { sessionsRepo } from './repos/sessions';
import { ingestKeysRepo } from './repos/ingest-keys';
import { loginFailuresRepo } from './repos/login-failures';
import { leasesRepo } from './repos/leases';
import { metaRepo } from './repos/meta';
import { attachmentsRepo } from './repos/attachments';
import { memberRequestsRepo } from './repos/member-requests';
import { disclosuresRepo } from './repos/disclosures';
import { memberPreferencesRepo } from './repos/member-preferences';
import { monitorAlertsRepo, monitorsRepo } from './repos/monitors';

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** Opens the embedded store. `file` is a path or ':memory:'. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a decision acknowledged to the caller survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Erased personal data must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly decisions: ReturnType<typeof decisionsRepo>;
  readonly events: ReturnType<typeof eventsRepo>;
  readonly anchors: ReturnType<typeof anchorsRepo>;
  readonly reports: ReturnType<typeof reportsRepo>;
  readonly cases: ReturnType<typeof casesRepo>;
  readonly models: ReturnType<typeof modelsRepo>;
  readonly holds: ReturnType<typeof holdsRepo>;
  readonly contacts: ReturnType<typeof contactsRepo>;
  readonly staffLog: ReturnType<typeof staffLogRepo>;
  readonly outbox: ReturnType<typeof outboxRepo>;
  readonly deliveries: ReturnType<typeof deliveriesRepo>;
  readonly webhooks: ReturnType<typeof webhooksRepo>;
  readonly users: ReturnType<typeof usersRepo>;
  readonly sessions: ReturnType<typeof sessionsRepo>;
  readonly ingestKeys: ReturnType<typeof ingestKeysRepo>;
  readonly loginFailures: ReturnType<typeof loginFailuresRepo>;
  readonly leases: ReturnType<typeof leasesRepo>;
  readonly rollups: ReturnType<typeof rollupsRepo>;
  readonly meta: ReturnType<typeof metaRepo>;
  readonly attachments: ReturnType<typeof attachmentsRepo>;
  readonly memberRequests: ReturnType<typeof memberRequestsRepo>;
  readonly disclosures: ReturnType<typeof disclosuresRepo>;
  readonly memberPreferences: ReturnType<typeof memberPreferencesRepo>;
  readonly monitors: ReturnType<typeof monitorsRepo>;
  readonly monitorAlerts: ReturnType<typeof monitorAlertsRepo>;

  constructor(private readonly db: Db) {
    this.events = eventsRepo(db);
    this.anchors = anchorsRepo(db);
    this.reports = reportsRepo(db);
    this.cases = casesRepo(db);
    this.models = modelsRepo(db);
    this.holds = holdsRepo(db);
    this.contacts = contactsRepo(db);
    this.staffLog = staffLogRepo(db);
    this.outbox = outboxRepo(db);
    this.deliveries = deliveriesRepo(db);
    this.webhooks = webhooksRepo(db);
    this.users = usersRepo(db);
    this.sessions = sessionsRepo(db);
    this.ingestKeys = ingestKeysRepo(db);
    this.loginFailures = loginFailuresRepo(db);
    this.leases = leasesRepo(db);
    this.rollups = rollupsRepo(db);
    this.meta = metaRepo(db);
    this.attachments = attachmentsRepo(db);
    this.memberRequests = memberRequestsRepo(db);
    this.disclosures = disclosuresRepo(db);
    this.memberPreferences = memberPreferencesRepo(db);
    this.monitors = monitorsRepo(db);
    this.monitorAlerts = monitorAlertsRepo(db);
    this.decisions = decisionsRepo(db, {
      appendEvent: this.events.appendNow,
      addOutbox: (entry) => this.outbox.addNow(entry),
      putCase: this.cases.putNow,
      incrementRollups: this.rollups.incrementNow,
    });
  }

  /**
   * secure_delete already zeroes freed cells in the main file; the WAL still holds the old page
   * images until a checkpoint, so checkpoint and truncate it.
   */
  async purgeFreedSpace(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async checkReady(): Promise<void> {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== migrations.length) throw new Error(`the SQLite schema is at version ${version}, this server needs ${migrations.length}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
