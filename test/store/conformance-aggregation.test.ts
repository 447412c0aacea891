import type { Document } from 'mongodb';
import type { HubCollection, HubDatabase } from '../../subgraphs/kit/store/types';
import { describeEachStore, type StringIdDocument } from './store-harness';

interface Order {
  _id: string;
  accountId: string;
  amount: number;
  status: 'paid' | 'refunded';
  items: string[];
  placedAt: Date;
}

function buildOrders(): Order[] {
  return [
    { _id: 'o1', accountId: 'a1', amount: 100, status: 'paid', items: ['seat', 'support'], placedAt: new Date('2024-01-10T09:00:00Z') },
    { _id: 'o2', accountId: 'a1', amount: 250, status: 'paid', items: ['seat'], placedAt: new Date('2024-02-20T17:30:00Z') },
    { _id: 'o3', accountId: 'a2', amount: 40, status: 'paid', items: ['addon'], placedAt: new Date('2024-02-01T00:00:00Z') },
    { _id: 'o4', accountId: 'a2', amount: 60, status: 'refunded', items: ['seat'], placedAt: new Date('2025-01-05T12:00:00Z') },
    { _id: 'o5', accountId: 'a3', amount: 500, status: 'paid', items: [], placedAt: new Date('2025-01-31T23:59:00Z') },
  ];
}

async function seededOrders(database: HubDatabase): Promise<HubCollection<Order>> {
  const orders = database.collection<Order>('orders');
  await orders.insertMany(buildOrders());
  await database.collection<StringIdDocument>('accounts').insertMany([
    { _id: 'a1', name: 'Acme', segment: 'ENTERPRISE' },
    { _id: 'a2', name: 'Globex', segment: 'SMB' },
  ]);
  return orders;
}

describeEachStore('aggregation conformance', ({ freshDatabase }) => {
  it('groups with $sum, $avg, $max and $push after a $match, sorted by $sort', async () => {
    const orders = await seededOrders(freshDatabase());
    const totals = await orders
      .aggregate([
        { $match: { status: 'paid' } },
        {
          $group: {
            _id: '$accountId',
            total: { $sum: '$amount' },
            average: { $avg: '$amount' },
            largest: { $max: '$amount' },
            orderIds: { $push: '$_id' },
            count: { $sum: 1 },
          },
        },
        { $sort: { total: -1 } },
      ])
      .toArray();
    const withSortedIds = totals.map((group) => ({ ...group, orderIds: [...(group['orderIds'] as string[])].sort() }));
    expect(withSortedIds).toEqual([
      { _id: 'a3', total: 500, average: 500, largest: 500, orderIds: ['o5'], count: 1 },
      { _id: 'a1', total: 350, average: 175, largest: 250, orderIds: ['o1', 'o2'], count: 2 },
      { _id: 'a2', total: 40, average: 40, largest: 40, orderIds: ['o3'], count: 1 },
    ]);
  });

  it('joins another collection of the same database with $lookup and flattens with $unwind', async () => {
    const orders = await seededOrders(freshDatabase());
    const joined = await orders
      .aggregate([
        { $match: { status: 'paid' } },
        { $lookup: { from: 'accounts', localField: 'accountId', foreignField: '_id', as: 'account' } },
        { $unwind: '$account' },
        { $project: { _id: 1, accountName: '$account.name', amount: 1 } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    // o5's account does not exist, so $unwind drops it.
    expect(joined).toEqual([
      { _id: 'o1', accountName: 'Acme', amount: 100 },
      { _id: 'o2', accountName: 'Acme', amount: 250 },
      { _id: 'o3', accountName: 'Globex', amount: 40 },
    ]);
  });

  it('keeps unmatched documents of a $lookup with an empty array', async () => {
    const database = freshDatabase();
    await seededOrders(database);
    const accounts = await database
      .collection('accounts')
      .aggregate([
        { $lookup: { from: 'orders', localField: '_id', foreignField: 'accountId', as: 'orders' } },
        { $project: { orderCount: { $size: '$orders' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(accounts).toEqual([
      { _id: 'a1', orderCount: 2 },
      { _id: 'a2', orderCount: 2 },
    ]);
  });

  it('counts array elements per value with $unwind and $group', async () => {
    const orders = await seededOrders(freshDatabase());
    const perItem = await orders
      .aggregate([{ $unwind: '$items' }, { $group: { _id: '$items', orders: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(perItem).toEqual([
      { _id: 'addon', orders: 1 },
      { _id: 'seat', orders: 3 },
      { _id: 'support', orders: 1 },
    ]);
  });

  it('computes fields with $project and $addFields', async () => {
    const orders = await seededOrders(freshDatabase());
    const computed = await orders
      .aggregate([
        { $match: { _id: { $in: ['o1', 'o4'] } } },
        { $addFields: { amountWithTax: { $multiply: ['$amount', 1.5] }, itemCount: { $size: '$items' } } },
        { $project: { _id: 0, orderId: '$_id', amountWithTax: 1, itemCount: 1, isRefund: { $eq: ['$status', 'refunded'] } } },
        { $sort: { orderId: 1 } },
      ])
      .toArray();
    expect(computed).toEqual([
      { orderId: 'o1', amountWithTax: 150, itemCount: 2, isRefund: false },
      { orderId: 'o4', amountWithTax: 90, itemCount: 1, isRefund: true },
    ]);
  });

  it('counts the documents reaching $count', async () => {
    const orders = await seededOrders(freshDatabase());
    expect(await orders.aggregate([{ $match: { amount: { $gte: 100 } } }, { $count: 'bigOrders' }]).toArray()).toEqual([
      { bigOrders: 3 },
    ]);
  });

  it('pages a pipeline with $sort, $skip and $limit', async () => {
    const orders = await seededOrders(freshDatabase());
    const page = await orders
      .aggregate([{ $sort: { amount: -1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 1 } }])
      .toArray();
    expect(page).toEqual([{ _id: 'o2' }, { _id: 'o1' }]);
  });

  it('groups by calendar month with $dateToString and by $year, in UTC', async () => {
    const orders = await seededOrders(freshDatabase());
    const perMonth = await orders
      .aggregate([
        { $match: { placedAt: { $gte: new Date('2024-01-01T00:00:00Z'), $lt: new Date('2025-01-01T00:00:00Z') } } },
        { $group: { _id: { $dateToString: { format: '%Y-%m', date: '$placedAt' } }, total: { $sum: '$amount' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(perMonth).toEqual([
      { _id: '2024-01', total: 100 },
      { _id: '2024-02', total: 290 },
    ]);
    const perYear = await orders
      .aggregate([{ $group: { _id: { $year: '$placedAt' }, orders: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(perYear).toEqual([
      { _id: 2024, orders: 3 },
      { _id: 2025, orders: 2 },
    ]);
  });

  it('returns Dates from a pipeline and leaves stored documents untouched', async () => {
    const orders = await seededOrders(freshDatabase());
    const [first] = await orders
      .aggregate<Document>([{ $match: { _id: 'o1' } }, { $addFields: { 'meta.seen': true } }])
      .toArray();
    expect(first?.['placedAt']).toBeInstanceOf(Date);
    expect(first?.['meta']).toEqual({ seen: true });
    expect(await orders.findOne({ _id: 'o1' })).toEqual(buildOrders()[0]);
  });

  it('keeps the top N documents per group with $topN, in sortBy order with ties broken by _id', async () => {
    const orders = await seededOrders(freshDatabase());
    await orders.insertOne({ _id: 'o0', accountId: 'a1', amount: 250, status: 'paid', items: [], placedAt: new Date('2024-03-01T00:00:00Z') });
    const groups = await orders
      .aggregate<{ _id: string; top: Order[] }>([
        { $match: { accountId: { $in: ['a1', 'a2'] } } },
        { $group: { _id: '$accountId', top: { $topN: { n: 2, sortBy: { amount: -1, _id: 1 }, output: '$$ROOT' } } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(groups.map((group) => ({ account: group._id, ids: group.top.map((order) => order._id) }))).toEqual([
      { account: 'a1', ids: ['o0', 'o2'] },
      { account: 'a2', ids: ['o4', 'o3'] },
    ]);
    expect(groups[0]?.top[0]?.placedAt).toBeInstanceOf(Date);
  });
});
