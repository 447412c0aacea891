import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Decimal128, ObjectId } from 'mongodb';
import { openEmbeddedStore } from '../../subgraphs/kit/store/embedded/embedded-store';
import type { HubStore } from '../../subgraphs/kit/store/types';
import type { StringIdDocument } from './store-harness';

// The embedded store's own persistence to a data directory; MongoDB persists by itself.
describe('embedded store persistence', () => {
  let dataDir: string;
  const openStores: HubStore[] = [];

  async function openPersisted(snapshotDelayMs = 10_000): Promise<HubStore> {
    const store = await openEmbeddedStore({ dataDir, snapshotDelayMs });
    openStores.push(store);
    return store;
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hub-store-'));
  });

  afterEach(async () => {
    await Promise.all(openStores.splice(0).map((store) => store.close()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps documents across close and reopen', async () => {
    const first = await openPersisted();
    await first.db('accounts').collection<StringIdDocument>('accounts').insertMany([
      { _id: 'a1', name: 'Acme', tags: ['x'] },
      { _id: 'a2', name: 'Globex', owner: { id: 'o1' } },
    ]);
    await first.db('support').collection<StringIdDocument>('tickets').insertOne({ _id: 't1', subject: 'Help' });
    await first.close();

    const second = await openPersisted();
    const accounts = await second.db('accounts').collection<StringIdDocument>('accounts').find({}, { sort: { _id: 1 } }).toArray();
    expect(accounts).toEqual([
      { _id: 'a1', name: 'Acme', tags: ['x'] },
      { _id: 'a2', name: 'Globex', owner: { id: 'o1' } },
    ]);
    expect(await second.db('support').collection<StringIdDocument>('tickets').findOne({ _id: 't1' })).toEqual({ _id: 't1', subject: 'Help' });
  });

  it('keeps Dates and ObjectIds as Dates and ObjectIds', async () => {
    const first = await openPersisted();
    const joinedAt = new Date('2024-02-29T12:34:56.789Z');
    const { insertedId } = await first.db('accounts').collection('people').insertOne({ joinedAt, history: [{ at: joinedAt }] });
    await first.close();

    const second = await openPersisted();
    const person = await second.db('accounts').collection('people').findOne({ joinedAt: { $gte: joinedAt } });
    expect(person?._id).toBeInstanceOf(ObjectId);
    expect(String(person?._id)).toBe(String(insertedId));
    expect(person?.['joinedAt']).toEqual(joinedAt);
    expect(person?.['history']).toEqual([{ at: joinedAt }]);
  });

  it('round-trips dates before 1970, numbers and other BSON values exactly', async () => {
    const first = await openPersisted();
    const values = {
      _id: 'v1',
      ancient: new Date('1969-07-20T20:17:40.123Z'),
      epochMinusOne: new Date(-1),
      fraction: 0.1,
      large: 2 ** 53 - 1,
      negative: -42,
      decimal: Decimal128.fromString('12.345'),
      nested: { list: [new Date(0), null, true, 'text'] },
    };
    await first.db('accounts').collection<StringIdDocument>('values').insertOne(values);
    await first.close();

    const second = await openPersisted();
    const stored = await second.db('accounts').collection<StringIdDocument>('values').findOne({ _id: 'v1' });
    expect(stored).toEqual(values);
    expect(String(stored?.['decimal'])).toBe('12.345');
  });

  it('rebuilds indexes so a unique index is still enforced after reopening', async () => {
    const first = await openPersisted();
    const users = first.db('accounts').collection<StringIdDocument>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.createIndex({ externalKeys: 1 }, { unique: true, sparse: true });
    await users.insertOne({ _id: 'u1', email: 'ada@example.com', externalKeys: ['zendesk:1'] });
    await first.close();

    const second = await openPersisted();
    const reopened = second.db('accounts').collection<StringIdDocument>('users');
    await expect(reopened.insertOne({ _id: 'u2', email: 'ada@example.com' })).rejects.toMatchObject({ code: 11000 });
    await expect(reopened.insertOne({ _id: 'u3', email: 'x@example.com', externalKeys: ['zendesk:1'] })).rejects.toMatchObject({
      code: 11000,
    });
    await reopened.insertMany([{ _id: 'u4', email: 'bob@example.com' }, { _id: 'u5', email: 'cy@example.com' }]);
    expect(await reopened.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
  });

  it('writes snapshots atomically: one .ejson file per database and no temporary files left', async () => {
    const store = await openPersisted();
    await store.db('accounts').collection<StringIdDocument>('accounts').insertOne({ _id: 'a1' });
    await store.db('health').collection<StringIdDocument>('scores').insertOne({ _id: 's1' });
    await store.close();
    expect((await readdir(dataDir)).sort()).toEqual(['accounts.ejson', 'health.ejson']);
  });

  it('writes a snapshot on its own shortly after a write, without waiting for close', async () => {
    const store = await openPersisted(20);
    await store.db('accounts').collection<StringIdDocument>('accounts').insertOne({ _id: 'a1', name: 'Acme' });
    await waitFor(async () => (await readdir(dataDir)).includes('accounts.ejson'));
    const snapshot = await readFile(path.join(dataDir, 'accounts.ejson'), 'utf8');
    expect(snapshot).toContain('"Acme"');
  });

  it('persists updates and deletes, not only inserts', async () => {
    const first = await openPersisted();
    const accounts = first.db('accounts').collection<StringIdDocument>('accounts');
    await accounts.insertMany([{ _id: 'a1', visits: 1 }, { _id: 'a2' }]);
    await accounts.updateOne({ _id: 'a1' }, { $inc: { visits: 1 } });
    await accounts.deleteOne({ _id: 'a2' });
    await first.close();

    const second = await openPersisted();
    expect(await second.db('accounts').collection<StringIdDocument>('accounts').find().toArray()).toEqual([{ _id: 'a1', visits: 2 }]);
  });

  it('fails to open on a corrupt snapshot, naming the file', async () => {
    const corruptFile = path.join(dataDir, 'accounts.ejson');
    await writeFile(corruptFile, '{"format":"customer-hub-embedded-snapshot"\nnot json at all\n');
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(corruptFile);
  });

  it('fails to open on a truncated snapshot, naming the file', async () => {
    const first = await openPersisted();
    await first.db('accounts').collection<StringIdDocument>('accounts').insertMany([{ _id: 'a1' }, { _id: 'a2' }, { _id: 'a3' }]);
    await first.close();
    const snapshotFile = path.join(dataDir, 'accounts.ejson');
    const lines = (await readFile(snapshotFile, 'utf8')).trimEnd().split('\n');
    await writeFile(snapshotFile, `${lines.slice(0, -1).join('\n')}\n`);
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(/accounts\.ejson.*truncated/);
  });

  it('removes temporary files left by an interrupted snapshot when opening', async () => {
    await writeFile(path.join(dataDir, 'accounts.ejson.12345.tmp'), 'partial');
    await openPersisted();
    expect(await readdir(dataDir)).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
