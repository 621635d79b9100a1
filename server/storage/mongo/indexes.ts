import type { Db } from 'mongodb';

/** Created at start; createIndex is a no-op when the index exists. */
export async function ensureIndexes(db: Db): Promise<void> {
  const decisions = db.collection('decisions');
  await decisions.createIndex({ 'subject.memberId': 1, decidedAt: -1, _id: -1 }, { name: 'decisions_member' });
  await decisions.createIndex({ type: 1, decidedAt: -1, _id: -1 }, { name: 'decisions_type' });
  await decisions.createIndex({ 'model.id': 1, 'model.version': 1, decidedAt: -1, _id: -1 }, { name: 'decisions_model' });
  await decisions.createIndex({ decidedAt: -1, _id: -1 }, { name: 'decisions_time' });
  // The queue's search by claim or policy (sparse: most decisions name only one of them).
  await decisions.createIndex({ 'subject.claimId': 1 }, { name: 'decisions_claim', sparse: true });
  await decisions.createIndex({ 'subject.policyId': 1 }, { name: 'decisions_policy', sparse: true });
  // The chain's guard: two writers appending the same seq collide instead of forking.
  await db.collection('events').createIndex({ decisionId: 1, seq: 1 }, { unique: true, name: 'events_chain' });
  await db.collection('events').createIndex({ at: -1, decisionId: -1, seq: -1 }, { name: 'events_at' });
  const cases = db.collection('cases');
  await cases.createIndex({ decisionId: 1 }, { name: 'cases_decision' });
  await cases.createIndex({ decisionType: 1, dueAt: 1, _id: 1 }, { name: 'cases_type_due' });
  await cases.createIndex({ status: 1, dueAt: 1, _id: 1 }, { name: 'cases_status_due' });
  await cases.createIndex({ memberId: 1, dueAt: 1, _id: 1 }, { name: 'cases_member_due' });
  await cases.createIndex({ assignee: 1, dueAt: 1, _id: 1 }, { name: 'cases_assignee_due' });
  await db.collection('outbox').createIndex({ deliveredAt: 1, _id: 1 }, { name: 'outbox_pending' });
  await db.collection('sessions').createIndex({ userId: 1 }, { name: 'sessions_user' });
  await db.collection('outbox').createIndex({ memberId: 1 }, { name: 'outbox_member' });
  await db.collection('outbox').createIndex({ 'events.data.memberId': 1 }, { name: 'outbox_event_member' });
  await db.collection('users').createIndex({ memberId: 1 }, { name: 'users_member' });
  await db.collection('users').createIndex({ username: 1 }, { unique: true, name: 'users_username' });
  await db.collection('ingest_keys').createIndex({ digest: 1 }, { unique: true, name: 'ingest_keys_digest' });
  await db.collection('ingest_keys').createIndex({ previousDigest: 1 }, { name: 'ingest_keys_previous' });
  // Provisioned users by (issuer, subject); sparse, so local users (no source) stay out of it.
  await db.collection('users').createIndex({ 'source.issuer': 1, 'source.subject': 1 }, { unique: true, sparse: true, name: 'users_source' });
  // Metrics read rollups by attribute ('' for the decision-level ones) and day range.
  await db.collection('rollups').createIndex({ attribute: 1, day: 1, type: 1 }, { name: 'rollups_attribute_day' });
  const deliveries = db.collection('deliveries');
  await deliveries.createIndex({ status: 1, nextAttemptAt: 1, _id: 1 }, { name: 'deliveries_due' });
  await deliveries.createIndex({ lane: 1, status: 1, seq: 1, position: 1, _id: 1 }, { name: 'deliveries_lane' });
  await deliveries.createIndex({ channel: 1, destinationId: 1, createdAt: -1, _id: -1 }, { name: 'deliveries_destination' });
  await db.collection('attachments').createIndex({ caseId: 1, uploadedAt: 1, _id: 1 }, { name: 'attachments_case' });
  await db.collection('attachments').createIndex({ memberId: 1, uploadedAt: 1, _id: 1 }, { name: 'attachments_member' });
  await db.collection('member_requests').createIndex({ memberId: 1, filedAt: -1, _id: -1 }, { name: 'member_requests_member' });
  await db.collection('member_requests').createIndex({ filedAt: -1, _id: -1 }, { name: 'member_requests_filed' });
  // The disclosure register: by case, decision and member; newest first; approved per kind (counts).
  await db.collection('disclosures').createIndex({ caseId: 1, proposedAt: -1 }, { name: 'disclosures_case' });
  await db.collection('disclosures').createIndex({ decisionId: 1 }, { name: 'disclosures_decision' });
  await db.collection('disclosures').createIndex({ memberId: 1, proposedAt: -1 }, { name: 'disclosures_member' });
  await db.collection('disclosures').createIndex({ proposedAt: -1, _id: -1 }, { name: 'disclosures_proposed' });
  await db.collection('disclosures').createIndex({ state: 1, 'recipient.kind': 1, approvedAt: 1 }, { name: 'disclosures_approved' });
  await db.collection('member_preferences').createIndex({ active: 1 }, { name: 'member_preferences_active' });
  await db.collection('member_preference_revisions').createIndex({ memberId: 1 }, { name: 'member_preference_revisions_member' });
  // The report chain's guard: two freezes taking the same seq collide instead of forking it.
  await db.collection('reports').createIndex({ seq: 1 }, { unique: true, name: 'reports_seq' });
  // Monitors' alerts: a subject's latest crossing, the open ones, the newest first.
  const alerts = db.collection('monitor_alerts');
  await alerts.createIndex({ monitorId: 1, subject: 1, crossing: -1 }, { name: 'monitor_alerts_subject' });
  await alerts.createIndex({ resolvedAt: 1, monitorId: 1 }, { name: 'monitor_alerts_open' });
  await alerts.createIndex({ raisedAt: -1, _id: -1 }, { name: 'monitor_alerts_raised' });
  await db.collection('login_failures').createIndex({ key: 1, at: 1 }, { name: 'login_failures_key' });
}
