import type { HubCollection } from '../../subgraphs/kit/store/types';
import { isDuplicateKeyError } from '../../subgraphs/kit/store/types';
import { describeEachStore, idsOf, type StringIdDocument } from './store-harness';

async function rejectionOf(operation: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  try {
    await operation;
  } catch (error) {
    return error as { code?: unknown; message?: unknown };
  }
  throw new Error('The operation was expected to fail but succeeded');
}

async function usersWithUniqueEmail(collection: HubCollection<StringIdDocument>): Promise<HubCollection<StringIdDocument>> {
  await collection.createIndex({ email: 1 }, { unique: true });
  await collection.insertOne({ _id: 'u1', email: 'ada@example.com', name: 'Ada' });
  return collection;
}

describeEachStore('index conformance', ({ freshDatabase }) => {
  it('names indexes as MongoDB does and creates them idempotently', async () => {
    const users = freshDatabase().collection<StringIdDocument>('users');
    expect(await users.createIndex({ email: 1, createdAt: -1 })).toBe('email_1_createdAt_-1');
    expect(await users.createIndex({ email: 1, createdAt: -1 })).toBe('email_1_createdAt_-1');
    expect(await users.createIndex({ externalKeys: 1 }, { unique: true, sparse: true })).toBe('externalKeys_1');
    expect(await users.createIndex({ externalKeys: 1 }, { unique: true, sparse: true })).toBe('externalKeys_1');
    expect(await users.createIndex({ name: 1 }, { name: 'by_name' })).toBe('by_name');
  });

  it('rejects a duplicate on a unique index with E11000 and stores nothing', async () => {
    const database = freshDatabase();
    const users = await usersWithUniqueEmail(database.collection<StringIdDocument>('users'));
    const error = await rejectionOf(users.insertOne({ _id: 'u2', email: 'ada@example.com', name: 'Impostor' }));
    expect(error.code).toBe(11000);
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(String(error.message)).toMatch(
      new RegExp(`^E11000 duplicate key error collection: ${database.databaseName}\\.users index: email_1 dup key`),
    );
    expect(await users.countDocuments()).toBe(1);
    expect(await users.findOne({ _id: 'u2' })).toBeNull();
  });

  it('rejects a duplicate _id with 11000', async () => {
    const users = freshDatabase().collection<StringIdDocument>('users');
    await users.insertOne({ _id: 'u1', name: 'First' });
    const error = await rejectionOf(users.insertOne({ _id: 'u1', name: 'Second' }));
    expect(error.code).toBe(11000);
    expect((await users.findOne({ _id: 'u1' }))?.name).toBe('First');
  });

  it('refuses an update that would break a unique index and applies none of it', async () => {
    const users = await usersWithUniqueEmail(freshDatabase().collection<StringIdDocument>('users'));
    await users.insertOne({ _id: 'u2', email: 'bob@example.com', name: 'Bob' });
    const error = await rejectionOf(users.updateOne({ _id: 'u2' }, { $set: { email: 'ada@example.com', name: 'Changed' } }));
    expect(error.code).toBe(11000);
    expect(await users.findOne({ _id: 'u2' })).toEqual({ _id: 'u2', email: 'bob@example.com', name: 'Bob' });
  });

  it('refuses an upsert that would break a unique index', async () => {
    const users = await usersWithUniqueEmail(freshDatabase().collection<StringIdDocument>('users'));
    const upsert = users.updateOne({ _id: 'u9' }, { $set: { email: 'ada@example.com' } }, { upsert: true });
    expect((await rejectionOf(upsert)).code).toBe(11000);
    expect(await users.countDocuments()).toBe(1);
  });

  it('allows repeats of one field of a compound unique index but not of the whole key', async () => {
    const memberships = freshDatabase().collection<StringIdDocument>('memberships');
    await memberships.createIndex({ accountId: 1, userId: 1 }, { unique: true });
    await memberships.insertMany([
      { _id: 'm1', accountId: 'a1', userId: 'u1' },
      { _id: 'm2', accountId: 'a1', userId: 'u2' },
      { _id: 'm3', accountId: 'a2', userId: 'u1' },
    ]);
    const error = await rejectionOf(memberships.insertOne({ _id: 'm4', accountId: 'a1', userId: 'u2' }));
    expect(error.code).toBe(11000);
    expect(String(error.message)).toContain('index: accountId_1_userId_1 dup key');
    expect(await memberships.countDocuments()).toBe(3);
  });

  it('treats each array element as a key of a multikey unique index', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    await accounts.createIndex({ externalKeys: 1 }, { unique: true, sparse: true });
    await accounts.insertOne({ _id: 'a1', externalKeys: ['zendesk:1', 'hubspot:7'] });
    // A value repeated within one document does not conflict with itself.
    await accounts.insertOne({ _id: 'a2', externalKeys: ['zendesk:2', 'zendesk:2'] });
    const error = await rejectionOf(accounts.insertOne({ _id: 'a3', externalKeys: ['salesforce:1', 'hubspot:7'] }));
    expect(error.code).toBe(11000);
    expect(idsOf(await accounts.find({ externalKeys: 'hubspot:7' }).toArray())).toEqual(['a1']);
    expect(await accounts.countDocuments()).toBe(2);
  });

  it('lets a sparse unique index skip documents without the field', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    await accounts.createIndex({ externalKeys: 1 }, { unique: true, sparse: true });
    await accounts.insertMany([{ _id: 'a1' }, { _id: 'a2' }, { _id: 'a3', externalKeys: ['zendesk:1'] }]);
    expect(await accounts.countDocuments()).toBe(3);
  });

  it('indexes a missing field as null in a non-sparse unique index', async () => {
    const users = freshDatabase().collection<StringIdDocument>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ _id: 'u1' });
    expect((await rejectionOf(users.insertOne({ _id: 'u2' }))).code).toBe(11000);
    expect((await rejectionOf(users.insertOne({ _id: 'u3', email: null }))).code).toBe(11000);
  });

  it('fails to create a unique index over duplicate data and creates no index', async () => {
    const users = freshDatabase().collection<StringIdDocument>('users');
    await users.insertMany([
      { _id: 'u1', email: 'same@example.com' },
      { _id: 'u2', email: 'same@example.com' },
    ]);
    expect((await rejectionOf(users.createIndex({ email: 1 }, { unique: true }))).code).toBe(11000);
    await users.insertOne({ _id: 'u3', email: 'same@example.com' });
    expect(await users.countDocuments({ email: 'same@example.com' })).toBe(3);
  });

  it('stops insertMany at the first duplicate and keeps the documents before it', async () => {
    const users = await usersWithUniqueEmail(freshDatabase().collection<StringIdDocument>('users'));
    const insert = users.insertMany([
      { _id: 'u2', email: 'bob@example.com' },
      { _id: 'u3', email: 'ada@example.com' },
      { _id: 'u4', email: 'cy@example.com' },
    ]);
    expect((await rejectionOf(insert)).code).toBe(11000);
    expect(idsOf(await users.find().toArray())).toEqual(['u1', 'u2']);
  });

  it('frees a unique value when its document is deleted or changes it', async () => {
    const users = await usersWithUniqueEmail(freshDatabase().collection<StringIdDocument>('users'));
    await users.insertOne({ _id: 'u2', email: 'bob@example.com' });
    await users.deleteOne({ _id: 'u1' });
    await users.insertOne({ _id: 'u3', email: 'ada@example.com' });
    await users.updateOne({ _id: 'u2' }, { $set: { email: 'robert@example.com' } });
    await users.insertOne({ _id: 'u4', email: 'bob@example.com' });
    expect(idsOf(await users.find().toArray())).toEqual(['u2', 'u3', 'u4']);
  });

  it('finds documents by indexed fields after they change', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    await accounts.createIndex({ segment: 1, name: 1 });
    await accounts.createIndex({ ownerId: 1 });
    await accounts.insertMany([
      { _id: 'a1', segment: 'SMB', name: 'One', ownerId: 'o1' },
      { _id: 'a2', segment: 'SMB', name: 'Two', ownerId: 'o2' },
      { _id: 'a3', segment: 'ENTERPRISE', name: 'Three', ownerId: 'o1' },
    ]);
    await accounts.updateMany({ ownerId: 'o1' }, { $set: { ownerId: 'o3' } });
    await accounts.updateOne({ _id: 'a2' }, { $set: { segment: 'ENTERPRISE' } });
    expect(await accounts.find({ ownerId: 'o1' }).toArray()).toEqual([]);
    expect(idsOf(await accounts.find({ ownerId: { $in: ['o2', 'o3'] } }).toArray())).toEqual(['a1', 'a2', 'a3']);
    expect(idsOf(await accounts.find({ segment: 'ENTERPRISE', name: { $ne: 'Three' } }).toArray())).toEqual(['a2']);
    expect(idsOf(await accounts.find({ segment: { $eq: 'SMB' } }).toArray())).toEqual(['a1']);
  });

  it('finds documents by a date range on an indexed field, after inserts, changes and deletes, and only dates', async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    const items = freshDatabase().collection<StringIdDocument>('items');
    await items.createIndex({ updatedAt: 1, _id: 1 });
    await items.insertMany([
      { _id: 'i1', updatedAt: day(1) },
      { _id: 'i2', updatedAt: day(2) },
      { _id: 'i3', updatedAt: day(3) },
      { _id: 'i4', updatedAt: day(3) },
      { _id: 'i5', updatedAt: [day(1), day(5)] },
      { _id: 'number', updatedAt: day(4).getTime() },
      { _id: 'string', updatedAt: day(4).toISOString() },
      { _id: 'missing' },
    ]);
    const between = async (filter: object) => idsOf(await items.find({ updatedAt: filter }).toArray());
    expect(await between({ $gte: day(3) })).toEqual(['i3', 'i4', 'i5']);
    expect(await between({ $gt: day(3) })).toEqual(['i5']);
    expect(await between({ $gt: day(1), $lte: day(3) })).toEqual(['i2', 'i3', 'i4', 'i5']);
    expect(await between({ $lt: day(2) })).toEqual(['i1', 'i5']);
    // In an array, one element may meet one bound and another the other, as in MongoDB.
    expect(await between({ $gte: day(2), $gt: day(1), $lt: day(3) })).toEqual(['i2', 'i5']);
    expect(await between({ $gte: day(6) })).toEqual([]);

    await items.updateOne({ _id: 'i1' }, { $set: { updatedAt: day(4) } });
    await items.deleteOne({ _id: 'i3' });
    await items.insertOne({ _id: 'i6', updatedAt: day(2) });
    expect(await between({ $gte: day(3) })).toEqual(['i1', 'i4', 'i5']);
    expect(await between({ $lte: day(2) })).toEqual(['i2', 'i5', 'i6']);
    expect(idsOf(await items.find({ $and: [{ updatedAt: { $gte: day(3) } }, { _id: { $ne: 'i4' } }] }).toArray())).toEqual(['i1', 'i5']);
  });
});
