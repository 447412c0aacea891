import { describeEachStore, type StringIdDocument } from './store-harness';

describeEachStore('store lifecycle conformance', ({ freshDatabase, openSeparateStore }) => {
  it('answers ping while open', async () => {
    const separate = await openSeparateStore();
    await expect(separate.ping()).resolves.toBeUndefined();
    await separate.close();
  });

  it('rejects operations after close with a clear error', async () => {
    const separate = await openSeparateStore();
    const notes = separate.db(freshDatabase().databaseName).collection<StringIdDocument>('notes');
    await separate.close();
    await expect(separate.ping()).rejects.toThrow(/closed/);
    await expect(notes.findOne({})).rejects.toThrow(/closed/);
    await expect(notes.insertOne({ _id: 'n1' })).rejects.toThrow(/closed/);
    await expect(notes.find().toArray()).rejects.toThrow(/closed/);
    await expect(notes.aggregate([]).toArray()).rejects.toThrow(/closed/);
  });

  it('names the database and collection it was asked for', () => {
    const database = freshDatabase();
    expect(database.collection<StringIdDocument>('notes').collectionName).toBe('notes');
    expect(database.databaseName).toMatch(/^hubconf_/);
  });
});
