import { MongoServerError, type Collection, type Document } from 'mongodb';

/* How the MongoDB repositories map our plain objects to documents and back, at the edge. */

/** Our documents use string (or numeric) ids of our own, never ObjectIds. */
export type StrDoc = { _id: string | number } & Document;

export const DUPLICATE_KEY = 11000;
export const isDuplicate = (error: unknown) => error instanceof MongoServerError && error.code === DUPLICATE_KEY;

/**
 * Inserts `doc` and says whether this writer was first: the unique _id is the one write every
 * MongoDB, and FerretDB (whose filtered replace is no compare-and-set), makes atomic, so it is
 * how single-document stores decide a race.
 */
export async function insertedFirst(col: Collection<StrDoc>, doc: StrDoc): Promise<boolean> {
  try {
    await col.insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

/** Documents keep our own ids in `_id`; these map it at the edge so services only see plain objects. */
type WithId<T> = Omit<T, 'id'> & { _id: string };
export const toDoc = <T extends { id: string }>({ id, ...rest }: T) => ({ _id: id, ...rest }) as unknown as WithId<T>;
export const fromDoc = <T>(doc: Document | null): T | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as T;
};
export const strip = <T>(doc: Document | null): T | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return rest as T;
};

/** Every document of a collection in this order, streamed in batches. */
export async function* scan<T>(col: Collection<StrDoc>, sort: Document, map: (d: Document) => T | null): AsyncIterable<T> {
  for await (const doc of col.find().sort(sort).batchSize(2000)) yield map(doc)!;
}
