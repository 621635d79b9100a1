import { MongoClient, type Db } from 'mongodb';
import type { Store } from '../store';
import { ensureIndexes } from './indexes';
import { rollupsRepo } from './mongo-rollups';
import { decisionsRepo } from './repos/decisions';
import { eventsRepo } from './repos/events';
import { anchorsRepo } from './repos/anchors';
import { reportsRepo } from './repos/reports';
import { casesRepo } from './repos/cases';
import { outboxRepo } from './repos/outbox';
import { deliveriesRepo } from './repos/deliveries';
import { webhooksRepo } from './repos/webhooks';
import { modelsRepo } from './repos/models';
import { holdsRepo } from './repos/holds';
import { contactsRepo } from './repos/contacts';
import { staffLogRepo } from './repos/staff-log';
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

export async function openMongoStore(uri: string, dbName?: string): Promise<Store> {
  // Majority and journaled: an acknowledged decision survives the loss of a primary.
  const client = new MongoClient(uri, { writeConcern: { w: 'majority', journal: true }, serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(dbName ?? (new URL(uri).pathname.slice(1) || 'recourse'));
  await ensureIndexes(db);
  return new MongoStore(client, db);
}

class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly decisions: ReturnType<typeof decisionsRepo>;
  readonly events: ReturnType<typeof eventsRepo>;
  readonly anchors: ReturnType<typeof anchorsRepo>;
  readonly reports: ReturnType<typeof reportsRepo>;
  readonly cases: ReturnType<typeof casesRepo>;
  readonly outbox: ReturnType<typeof outboxRepo>;
  readonly deliveries: ReturnType<typeof deliveriesRepo>;
  readonly webhooks: ReturnType<typeof webhooksRepo>;
  readonly models: ReturnType<typeof modelsRepo>;
  readonly holds: ReturnType<typeof holdsRepo>;
  readonly contacts: ReturnType<typeof contactsRepo>;
  readonly staffLog: ReturnType<typeof staffLogRepo>;
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

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.events = eventsRepo(db);
    this.anchors = anchorsRepo(db);
    this.reports = reportsRepo(db);
    this.cases = casesRepo(db);
    this.outbox = outboxRepo(db);
    this.deliveries = deliveriesRepo(db);
    this.webhooks = webhooksRepo(db);
    this.models = modelsRepo(db);
    this.holds = holdsRepo(db);
    this.contacts = contactsRepo(db);
    this.staffLog = staffLogRepo(db);
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
      appendEvent: (event) => this.events.append(event),
      addOutbox: (entry) => this.outbox.add(entry),
      putCase: (c) => this.cases.put(c),
      incrementRollups: (rollups) => this.rollups.incrementMany(rollups),
    });
  }

  /** MongoDB compacts its own files; nothing an application can force portably. */
  async purgeFreedSpace(): Promise<void> {}

  /** Indexes are ensured before the store is handed out, so answering a ping is all that is left. */
  async checkReady(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
