import { ObjectId } from 'mongodb';
import type { HubCollection, HubDatabase } from '../../subgraphs/kit/store/types';
import { describeEachStore, idsOf } from './store-harness';

interface Member {
  _id: string;
  name: string;
  age?: number;
  tags: string[];
  address?: { city: string; zip: string };
  orders: Array<{ sku: string; qty: number }>;
  joinedAt: Date;
  tier?: string | null;
}

function buildMembers(): Member[] {
  return [
    {
      _id: 'ada',
      name: 'Ada',
      age: 36,
      tags: ['admin', 'beta'],
      address: { city: 'London', zip: 'N1' },
      orders: [
        { sku: 'A', qty: 2 },
        { sku: 'B', qty: 5 },
      ],
      joinedAt: new Date('2023-01-15T10:00:00Z'),
      tier: 'gold',
    },
    {
      _id: 'bob',
      name: 'Bob',
      age: 25,
      tags: ['beta'],
      address: { city: 'Paris', zip: '75001' },
      orders: [{ sku: 'A', qty: 1 }],
      joinedAt: new Date('2023-06-01T00:00:00Z'),
      tier: null,
    },
    { _id: 'cy', name: 'Cy', age: 41, tags: [], orders: [], joinedAt: new Date('2024-02-29T12:00:00Z') },
    {
      _id: 'dee',
      name: 'Dee',
      tags: ['admin', 'ops', 'beta'],
      address: { city: 'London', zip: 'E2' },
      orders: [{ sku: 'C', qty: 10 }],
      joinedAt: new Date('2024-11-30T23:59:59Z'),
      tier: 'silver',
    },
    {
      _id: 'eve',
      name: 'Eve',
      age: 25,
      tags: ['ops'],
      address: { city: 'Berlin', zip: '10115' },
      orders: [{ sku: 'B', qty: 3 }],
      joinedAt: new Date('2025-03-01T08:30:00Z'),
      tier: 'gold',
    },
  ];
}

async function seededMembers(database: HubDatabase): Promise<HubCollection<Member>> {
  const members = database.collection<Member>('members');
  await members.insertMany(buildMembers());
  return members;
}

describeEachStore('query conformance', ({ freshDatabase }) => {
  it('matches by implicit and explicit $eq', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ name: 'Ada' }).toArray())).toEqual(['ada']);
    expect(idsOf(await members.find({ age: { $eq: 25 } }).toArray())).toEqual(['bob', 'eve']);
  });

  it('matches documents without the field with $ne', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ age: { $ne: 25 } }).toArray())).toEqual(['ada', 'cy', 'dee']);
  });

  it('compares numbers with $gt, $gte, $lt and $lte', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ age: { $gt: 25, $lte: 41 } }).toArray())).toEqual(['ada', 'cy']);
    expect(idsOf(await members.find({ age: { $gte: 36 } }).toArray())).toEqual(['ada', 'cy']);
    expect(idsOf(await members.find({ age: { $lt: 36 } }).toArray())).toEqual(['bob', 'eve']);
  });

  it('selects with $in and excludes with $nin, which also matches a missing field', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ name: { $in: ['Ada', 'Eve', 'Zed'] } }).toArray())).toEqual(['ada', 'eve']);
    expect(idsOf(await members.find({ age: { $nin: [25, 36] } }).toArray())).toEqual(['cy', 'dee']);
  });

  it('tests presence with $exists and treats a null query as null-or-missing', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ age: { $exists: false } }).toArray())).toEqual(['dee']);
    expect(idsOf(await members.find({ tier: { $exists: true } }).toArray())).toEqual(['ada', 'bob', 'dee', 'eve']);
    expect(idsOf(await members.find({ tier: null }).toArray())).toEqual(['bob', 'cy']);
  });

  it('matches strings with $regex options and with a RegExp literal', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ name: { $regex: '^[ab]', $options: 'i' } }).toArray())).toEqual(['ada', 'bob']);
    expect(idsOf(await members.find({ name: /e$/ }).toArray())).toEqual(['dee', 'eve']);
  });

  it('combines conditions with $and and $or', async () => {
    const members = await seededMembers(freshDatabase());
    const either = await members.find({ $or: [{ age: 25 }, { 'address.city': 'London' }] }).toArray();
    expect(idsOf(either)).toEqual(['ada', 'bob', 'dee', 'eve']);
    const both = await members.find({ $and: [{ tags: 'beta' }, { age: { $gte: 30 } }] }).toArray();
    expect(idsOf(both)).toEqual(['ada']);
  });

  it('negates with $not, which also matches a missing field', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ age: { $not: { $gt: 30 } } }).toArray())).toEqual(['bob', 'dee', 'eve']);
  });

  it('requires one array element to satisfy every $elemMatch condition', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ orders: { $elemMatch: { sku: 'A', qty: { $gte: 2 } } } }).toArray())).toEqual(['ada']);
    expect(await members.find({ orders: { $elemMatch: { sku: 'A', qty: 5 } } }).toArray()).toEqual([]);
    // Without $elemMatch each condition may be met by a different element.
    expect(idsOf(await members.find({ 'orders.sku': 'A', 'orders.qty': 5 }).toArray())).toEqual(['ada']);
  });

  it('matches array length with $size and subsets with $all', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ tags: { $size: 0 } }).toArray())).toEqual(['cy']);
    expect(idsOf(await members.find({ tags: { $size: 2 } }).toArray())).toEqual(['ada']);
    expect(idsOf(await members.find({ tags: { $all: ['beta', 'admin'] } }).toArray())).toEqual(['ada', 'dee']);
  });

  it('follows dotted paths into subdocuments, arrays and array positions', async () => {
    const members = await seededMembers(freshDatabase());
    expect(idsOf(await members.find({ 'address.city': 'London' }).toArray())).toEqual(['ada', 'dee']);
    expect(idsOf(await members.find({ tags: 'ops' }).toArray())).toEqual(['dee', 'eve']);
    expect(idsOf(await members.find({ 'orders.sku': 'B' }).toArray())).toEqual(['ada', 'eve']);
    expect(idsOf(await members.find({ 'tags.0': 'admin' }).toArray())).toEqual(['ada', 'dee']);
  });

  it('returns null from findOne when nothing matches', async () => {
    const members = await seededMembers(freshDatabase());
    expect(await members.findOne({ name: 'Nobody' })).toBeNull();
  });

  it('finds by _id and by _id $in', async () => {
    const members = await seededMembers(freshDatabase());
    expect((await members.findOne({ _id: 'bob' }))?.name).toBe('Bob');
    expect(idsOf(await members.find({ _id: { $in: ['ada', 'eve', 'nobody'] } }).toArray())).toEqual(['ada', 'eve']);
  });

  it('projects included fields and keeps _id unless it is excluded', async () => {
    const members = await seededMembers(freshDatabase());
    const withId = await members.findOne({ _id: 'ada' }, { projection: { name: 1, 'address.city': 1 } });
    expect(withId).toEqual({ _id: 'ada', name: 'Ada', address: { city: 'London' } });
    const withoutId = await members.find({ _id: 'ada' }, { projection: { _id: 0, name: 1 } }).toArray();
    expect(withoutId).toEqual([{ name: 'Ada' }]);
  });

  it('projects by excluding fields, including dotted ones', async () => {
    const members = await seededMembers(freshDatabase());
    const projected = await members.findOne({ _id: 'bob' }, { projection: { orders: 0, 'address.zip': 0, joinedAt: 0 } });
    expect(projected).toEqual({ _id: 'bob', name: 'Bob', age: 25, tags: ['beta'], address: { city: 'Paris' }, tier: null });
  });

  it('sorts by several keys in mixed directions', async () => {
    const members = await seededMembers(freshDatabase());
    const sorted = await members.find({ age: { $exists: true } }, { sort: { age: -1, name: 1 } }).toArray();
    expect(sorted.map((member) => member._id)).toEqual(['cy', 'ada', 'bob', 'eve']);
  });

  it('accepts the driver sort forms with string directions', async () => {
    const members = await seededMembers(freshDatabase());
    const sorted = await members
      .find({ age: { $exists: true } }, { sort: [['age', 'asc'], ['name', 'desc']] })
      .toArray();
    expect(sorted.map((member) => member._id)).toEqual(['eve', 'bob', 'ada', 'cy']);
  });

  it('sorts by dates', async () => {
    const members = await seededMembers(freshDatabase());
    const newestFirst = await members.find({}, { sort: { joinedAt: -1 }, projection: { _id: 1 } }).toArray();
    expect(newestFirst.map((member) => member._id)).toEqual(['eve', 'dee', 'cy', 'bob', 'ada']);
  });

  it('pages with skip and limit after sorting', async () => {
    const members = await seededMembers(freshDatabase());
    const secondPage = await members.find({}, { sort: { name: 1 }, skip: 2, limit: 2 }).toArray();
    expect(secondPage.map((member) => member._id)).toEqual(['cy', 'dee']);
    const lastPage = await members.find({}, { sort: { name: 1 }, skip: 4, limit: 2 }).toArray();
    expect(lastPage.map((member) => member._id)).toEqual(['eve']);
  });

  it('counts all or matching documents', async () => {
    const members = await seededMembers(freshDatabase());
    expect(await members.countDocuments()).toBe(5);
    expect(await members.countDocuments({ tags: 'beta' })).toBe(3);
    expect(await members.countDocuments({ name: 'Nobody' })).toBe(0);
  });

  it('queries date ranges and returns Dates', async () => {
    const members = await seededMembers(freshDatabase());
    const joined2024 = await members
      .find({ joinedAt: { $gte: new Date('2024-01-01T00:00:00Z'), $lt: new Date('2025-01-01T00:00:00Z') } })
      .toArray();
    expect(idsOf(joined2024)).toEqual(['cy', 'dee']);
    const dee = joined2024.find((member) => member._id === 'dee');
    expect(dee?.joinedAt).toBeInstanceOf(Date);
    expect(dee?.joinedAt.toISOString()).toBe('2024-11-30T23:59:59.000Z');
  });

  it('hands out copies: mutating a returned document changes nothing stored', async () => {
    const members = await seededMembers(freshDatabase());
    const ada = await members.findOne({ _id: 'ada' });
    if (!ada) throw new Error('ada was not found');
    ada.tags.push('mutated');
    ada.joinedAt.setUTCFullYear(1999);
    if (ada.address) ada.address.city = 'Mutated';
    const again = await members.findOne({ _id: 'ada' });
    expect(again?.tags).toEqual(['admin', 'beta']);
    expect(again?.address?.city).toBe('London');
    expect(again?.joinedAt.toISOString()).toBe('2023-01-15T10:00:00.000Z');
  });

  it('takes copies: mutating an inserted object afterwards changes nothing stored', async () => {
    const members = freshDatabase().collection<Member>('members');
    const [original] = buildMembers();
    if (!original) throw new Error('no member to insert');
    await members.insertOne(original);
    original.tags.push('mutated');
    original.name = 'Mutated';
    const stored = await members.findOne({ _id: 'ada' });
    expect(stored?.name).toBe('Ada');
    expect(stored?.tags).toEqual(['admin', 'beta']);
  });

  it('generates an ObjectId when a document has no _id and returns it', async () => {
    const notes = freshDatabase().collection<{ _id?: ObjectId; text: string }>('notes');
    const { insertedId } = await notes.insertOne({ text: 'hello' });
    expect(insertedId).toBeInstanceOf(ObjectId);
    expect(await notes.findOne({ _id: insertedId })).toEqual({ _id: insertedId, text: 'hello' });
  });

  it('reports the ids of insertMany by position', async () => {
    const members = freshDatabase().collection<Member>('members');
    const result = await members.insertMany(buildMembers().slice(0, 3));
    expect(result.insertedCount).toBe(3);
    expect(result.insertedIds).toEqual({ 0: 'ada', 1: 'bob', 2: 'cy' });
  });
});
