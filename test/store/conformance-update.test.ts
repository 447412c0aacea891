import { ObjectId } from 'mongodb';
import type { HubCollection, HubDatabase } from '../../subgraphs/kit/store/types';
import { describeEachStore, idsOf, type StringIdDocument } from './store-harness';

interface Account {
  _id: string;
  name: string;
  segment: string;
  visits: number;
  tags: string[];
  scores: number[];
  orders: Array<{ sku: string; qty: number }>;
  profile?: { tier?: string; since?: Date };
  legacy?: string;
}

function buildAccount(overrides: Partial<Account> & { _id: string }): Account {
  return {
    name: `Account ${overrides._id}`,
    segment: 'SMB',
    visits: 0,
    tags: [],
    scores: [],
    orders: [],
    ...overrides,
  };
}

async function accountsWith(database: HubDatabase, accounts: Account[]): Promise<HubCollection<Account>> {
  const collection = database.collection<Account>('accounts');
  await collection.insertMany(accounts);
  return collection;
}

describeEachStore('update conformance', ({ freshDatabase }) => {
  it('sets nested fields with $set and removes fields with $unset', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', legacy: 'old' })]);
    await accounts.updateOne({ _id: 'a' }, { $set: { name: 'Renamed', 'profile.tier': 'gold' }, $unset: { legacy: '' } });
    const updated = await accounts.findOne({ _id: 'a' });
    expect(updated).toEqual(buildAccount({ _id: 'a', name: 'Renamed', profile: { tier: 'gold' } }));
  });

  it('adjusts numbers with $inc, $min and $max', async () => {
    const counters = freshDatabase().collection<{ _id: string; count: number; low: number; high: number }>('counters');
    await counters.insertOne({ _id: 'c', count: 1, low: 10, high: 10 });
    await counters.updateOne({ _id: 'c' }, { $inc: { count: 4 }, $min: { low: 3 }, $max: { high: 7 } });
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', count: 5, low: 3, high: 10 });
    await counters.updateOne({ _id: 'c' }, { $inc: { count: -2 }, $min: { low: 8 }, $max: { high: 12 } });
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', count: 3, low: 3, high: 12 });
  });

  it('edits arrays with $push, $addToSet and $pull', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', tags: ['x'], scores: [1, 5, 2, 8] })]);
    await accounts.updateOne({ _id: 'a' }, { $push: { tags: 'y' }, $pull: { scores: { $lt: 3 } } });
    await accounts.updateOne({ _id: 'a' }, { $addToSet: { tags: { $each: ['x', 'z'] } }, $push: { scores: { $each: [9, 10] } } });
    const updated = await accounts.findOne({ _id: 'a' });
    expect(updated?.tags).toEqual(['x', 'y', 'z']);
    expect(updated?.scores).toEqual([5, 8, 9, 10]);
  });

  it('stamps the current time with $currentDate', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a' })]);
    await accounts.updateOne({ _id: 'a' }, { $currentDate: { 'profile.since': true } });
    const since = (await accounts.findOne({ _id: 'a' }))?.profile?.since;
    expect(since).toBeInstanceOf(Date);
    // The server's clock, not ours: allow for skew.
    expect(Math.abs((since?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('updates the matched array element through the positional $ operator', async () => {
    const orders = [
      { sku: 'A', qty: 1 },
      { sku: 'B', qty: 2 },
    ];
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', orders })]);
    await accounts.updateOne({ _id: 'a', 'orders.sku': 'B' }, { $set: { 'orders.$.qty': 9 } });
    expect((await accounts.findOne({ _id: 'a' }))?.orders).toEqual([
      { sku: 'A', qty: 1 },
      { sku: 'B', qty: 9 },
    ]);
  });

  it('reports matched and modified counts, and a no-op update as unmodified', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', segment: 'SMB' })]);
    const noOp = await accounts.updateOne({ _id: 'a' }, { $set: { segment: 'SMB' } });
    expect(noOp).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0, upsertedId: null });
    const change = await accounts.updateOne({ _id: 'a' }, { $set: { segment: 'ENTERPRISE' } });
    expect(change).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    const none = await accounts.updateOne({ _id: 'missing' }, { $set: { segment: 'SMB' } });
    expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null });
  });

  it('updates every match with updateMany and counts only real changes', async () => {
    const accounts = await accountsWith(freshDatabase(), [
      buildAccount({ _id: 'a', segment: 'SMB' }),
      buildAccount({ _id: 'b', segment: 'SMB', tags: ['vip'] }),
      buildAccount({ _id: 'c', segment: 'ENTERPRISE' }),
    ]);
    const result = await accounts.updateMany({ segment: 'SMB' }, { $addToSet: { tags: 'vip' } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 1, upsertedCount: 0 });
    expect(idsOf(await accounts.find({ tags: 'vip' }).toArray())).toEqual(['a', 'b']);
  });

  it('upserts from the filter equality fields, the update and $setOnInsert', async () => {
    const contacts = freshDatabase().collection('contacts');
    const result = await contacts.updateOne(
      { email: 'kim@example.com', 'profile.tier': 'gold', visits: { $gt: 3 } },
      { $set: { name: 'Kim' }, $setOnInsert: { source: 'import' }, $inc: { logins: 1 } },
      { upsert: true },
    );
    expect(result).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    const upsertedId = result.upsertedId;
    if (!(upsertedId instanceof ObjectId)) throw new Error('expected a generated ObjectId');
    expect(await contacts.findOne({ _id: upsertedId })).toEqual({
      _id: upsertedId,
      email: 'kim@example.com',
      profile: { tier: 'gold' },
      name: 'Kim',
      source: 'import',
      logins: 1,
    });
  });

  it('upserts with the _id and $eq and $and equality fields of the filter', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    const result = await accounts.updateOne(
      { $and: [{ _id: 'acct-9' }, { segment: { $eq: 'SMB' } }], name: { $regex: '^A' } },
      { $inc: { visits: 1 } },
      { upsert: true },
    );
    expect(result.upsertedId).toBe('acct-9');
    expect(await accounts.findOne({ _id: 'acct-9' })).toEqual({ _id: 'acct-9', segment: 'SMB', visits: 1 });
  });

  it('ignores $setOnInsert when an upsert matches an existing document', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', visits: 2 })]);
    const result = await accounts.updateOne(
      { _id: 'a' },
      { $inc: { visits: 1 }, $setOnInsert: { legacy: 'should not appear' } },
      { upsert: true },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    const stored = await accounts.findOne({ _id: 'a' });
    expect(stored?.visits).toBe(3);
    expect(stored).not.toHaveProperty('legacy');
  });

  it('upserts one document with updateMany when nothing matches', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    const result = await accounts.updateMany({ segment: 'MID_MARKET' }, { $set: { flagged: true } }, { upsert: true });
    expect(result).toMatchObject({ matchedCount: 0, upsertedCount: 1 });
    expect(await accounts.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ segment: 'MID_MARKET', flagged: true }]);
  });

  it('returns the document before the update by default and after it on request', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', visits: 1 })]);
    const before = await accounts.findOneAndUpdate({ _id: 'a' }, { $inc: { visits: 1 } });
    expect(before?.visits).toBe(1);
    const after = await accounts.findOneAndUpdate({ _id: 'a' }, { $inc: { visits: 1 } }, { returnDocument: 'after' });
    expect(after?.visits).toBe(3);
  });

  it('upserts through findOneAndUpdate and projects the returned document', async () => {
    const accounts = freshDatabase().collection<StringIdDocument>('accounts');
    const created = await accounts.findOneAndUpdate(
      { _id: 'new' },
      { $set: { name: 'New', segment: 'SMB' } },
      { upsert: true, returnDocument: 'after', projection: { name: 1 } },
    );
    expect(created).toEqual({ _id: 'new', name: 'New' });
    const beforeUpsert = await accounts.findOneAndUpdate({ _id: 'other' }, { $set: { name: 'Other' } }, { upsert: true });
    expect(beforeUpsert).toBeNull();
    expect(await accounts.countDocuments()).toBe(2);
  });

  it('returns null from findOneAndUpdate when nothing matches and does not insert', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a' })]);
    expect(await accounts.findOneAndUpdate({ _id: 'missing' }, { $set: { name: 'x' } }, { returnDocument: 'after' })).toBeNull();
    expect(await accounts.countDocuments()).toBe(1);
  });

  it('deletes one or many documents and reports how many', async () => {
    const accounts = await accountsWith(freshDatabase(), [
      buildAccount({ _id: 'a', segment: 'SMB' }),
      buildAccount({ _id: 'b', segment: 'SMB' }),
      buildAccount({ _id: 'c', segment: 'SMB' }),
      buildAccount({ _id: 'd', segment: 'ENTERPRISE' }),
    ]);
    expect((await accounts.deleteOne({ segment: 'SMB' })).deletedCount).toBe(1);
    expect((await accounts.deleteOne({ segment: 'NONE' })).deletedCount).toBe(0);
    expect((await accounts.deleteMany({ segment: 'SMB' })).deletedCount).toBe(2);
    expect(idsOf(await accounts.find().toArray())).toEqual(['d']);
    expect((await accounts.deleteMany()).deletedCount).toBe(1);
    expect(await accounts.countDocuments()).toBe(0);
  });

  it('refuses to change _id and leaves the document as it was', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a', name: 'Kept' })]);
    await expect(accounts.updateOne({ _id: 'a' }, { $set: { _id: 'b', name: 'Changed' } })).rejects.toMatchObject({ code: 66 });
    expect(await accounts.findOne({ _id: 'a' })).toEqual(buildAccount({ _id: 'a', name: 'Kept' }));
    expect(await accounts.countDocuments()).toBe(1);
  });

  it('stores Dates set by an update as Dates', async () => {
    const accounts = await accountsWith(freshDatabase(), [buildAccount({ _id: 'a' })]);
    const since = new Date('2022-05-01T00:00:00Z');
    await accounts.updateOne({ _id: 'a' }, { $set: { 'profile.since': since } });
    since.setUTCFullYear(1990);
    const stored = await accounts.findOne({ 'profile.since': { $lt: new Date('2023-01-01T00:00:00Z') } });
    expect(stored?.profile?.since).toEqual(new Date('2022-05-01T00:00:00Z'));
  });
});
