import type { HubCollection, HubDatabase } from '../../subgraphs/kit/store/types';
import { isDuplicateKeyError } from '../../subgraphs/kit/store/types';
import { describeEachStore, idsOf, type StringIdDocument } from './store-harness';

interface Ticket {
  _id: string;
  status: string;
  priority?: number;
  subject?: string;
}

async function ticketsWith(database: HubDatabase, tickets: Ticket[]): Promise<HubCollection<Ticket>> {
  const collection = database.collection<Ticket>('tickets');
  await collection.insertMany(tickets);
  return collection;
}

describeEachStore('bulkWrite conformance', ({ freshDatabase }) => {
  it('applies mixed operations in order and reports every count', async () => {
    const tickets = await ticketsWith(freshDatabase(), [
      { _id: 't1', status: 'open', priority: 1 },
      { _id: 't2', status: 'open', priority: 2 },
      { _id: 't3', status: 'pending', priority: 1 },
      { _id: 't4', status: 'spam' },
      { _id: 't5', status: 'spam' },
    ]);
    const result = await tickets.bulkWrite([
      { insertOne: { document: { _id: 't6', status: 'open', priority: 3 } } },
      { updateOne: { filter: { _id: 't1' }, update: { $set: { priority: 5 } } } },
      { updateMany: { filter: { status: 'open' }, update: { $set: { status: 'triaged' } } } },
      { replaceOne: { filter: { _id: 't3' }, replacement: { status: 'closed', subject: 'Replaced' } } },
      { deleteOne: { filter: { _id: 't2' } } },
      { deleteMany: { filter: { status: 'spam' } } },
      { updateOne: { filter: { _id: 't7' }, update: { $set: { status: 'open' } }, upsert: true } },
    ]);
    expect(result).toEqual({ insertedCount: 1, matchedCount: 5, modifiedCount: 5, deletedCount: 3, upsertedCount: 1 });
    const stored = await tickets.find({}, { sort: { _id: 1 } }).toArray();
    expect(stored).toEqual([
      { _id: 't1', status: 'triaged', priority: 5 },
      { _id: 't3', status: 'closed', subject: 'Replaced' },
      { _id: 't6', status: 'triaged', priority: 3 },
      { _id: 't7', status: 'open' },
    ]);
  });

  it('replaces the whole document but keeps its _id with replaceOne', async () => {
    const tickets = await ticketsWith(freshDatabase(), [{ _id: 't1', status: 'open', priority: 1, subject: 'Old' }]);
    const result = await tickets.bulkWrite([{ replaceOne: { filter: { subject: 'Old' }, replacement: { status: 'closed' } } }]);
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await tickets.find().toArray()).toEqual([{ _id: 't1', status: 'closed' }]);
  });

  it('stops an ordered bulkWrite at the first failure and keeps the earlier operations', async () => {
    const tickets = await ticketsWith(freshDatabase(), [{ _id: 't1', status: 'open' }]);
    const write = tickets.bulkWrite([
      { insertOne: { document: { _id: 'n1', status: 'open' } } },
      { insertOne: { document: { _id: 't1', status: 'duplicate' } } },
      { insertOne: { document: { _id: 'n2', status: 'open' } } },
    ]);
    await expect(write).rejects.toMatchObject({ code: 11000 });
    expect(idsOf(await tickets.find().toArray())).toEqual(['n1', 't1']);
    expect((await tickets.findOne({ _id: 't1' }))?.status).toBe('open');
  });

  it('runs every operation of an unordered bulkWrite and then reports the failure', async () => {
    const tickets = await ticketsWith(freshDatabase(), [{ _id: 't1', status: 'open' }]);
    const write = tickets.bulkWrite(
      [
        { insertOne: { document: { _id: 'n1', status: 'open' } } },
        { insertOne: { document: { _id: 't1', status: 'duplicate' } } },
        { insertOne: { document: { _id: 'n2', status: 'open' } } },
      ],
      { ordered: false },
    );
    const error: unknown = await write.catch((failure: unknown) => failure);
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(idsOf(await tickets.find().toArray())).toEqual(['n1', 'n2', 't1']);
  });

  it('enforces unique indexes inside a bulkWrite update', async () => {
    const database = freshDatabase();
    const users = database.collection<StringIdDocument>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { _id: 'u1', email: 'a@example.com' },
      { _id: 'u2', email: 'b@example.com' },
    ]);
    const write = users.bulkWrite([
      { updateOne: { filter: { _id: 'u1' }, update: { $set: { name: 'First' } } } },
      { updateOne: { filter: { _id: 'u2' }, update: { $set: { email: 'a@example.com' } } } },
    ]);
    await expect(write).rejects.toMatchObject({ code: 11000 });
    expect(await users.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 'u1', email: 'a@example.com', name: 'First' },
      { _id: 'u2', email: 'b@example.com' },
    ]);
  });
});
