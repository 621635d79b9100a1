import type { Db } from 'mongodb';

/** Created at start; createIndex is a no-op when the index exists. */
export async function ensureIndexes(db: Db): Promise<void> {
  const decisions = db.collection('decisions');
  await decisions.createIndex({ 'subject.memberId': 1, decidedAt: -1, _id: -1 }, { name: 'decisions_member' });
  await decisions.createIndex({ type: 1, decidedAt: -1, _id: -1 }, { name: 'decisions_type' });
  await decisions.createIndex({ 'model.id': 1, 'model.version': 1, decidedAt: -1, _id: -1 }, { name: 'decisions_model' });
  await decisions.createIndex({ decidedAt: -1, _id: -1 }, { name: 'decisions_time' });
  // The chain's guard: two writers appending the same seq collide instead of forking.
  await db.collection('events').createIndex({ decisionId: 1, seq: 1 }, { unique: true, name: 'events_chain' });
  await db.collection('users').createIndex({ username: 1 }, { unique: true, name: 'users_username' });
  await db.collection('login_failures').createIndex({ key: 1, at: 1 }, { name: 'login_failures_key' });
}
