import { buildMember, daysAgo, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

describe("an account's first community member", () => {
  let stack: Stack;
  const early = buildAccount({ customerSince: daysAgo(100) });
  const empty = buildAccount();
  const users = [buildUser(early), buildUser(early), buildUser(early)];
  const firstJoin = daysAgo(400);
  const members = [buildMember(users[0]!, { joinedAt: daysAgo(20) }), buildMember(users[1]!, { joinedAt: firstJoin }), buildMember(users[2]!, { joinedAt: daysAgo(50) })];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [early, empty], users);
    await seedCommunity(stack, { members });
  });
  afterAll(() => stack.stop());

  const read = async (accountId: string) =>
    stack.query<any>(`query($id: ID!) { account(id: $id) { community { members firstMemberJoinedAt } } }`, {
      token: await stack.staffToken(),
      variables: { id: accountId },
    });

  it('reports when the earliest member joined, even before the company became a customer', async () => {
    const result = await read(early._id);
    expect(result.errors).toBeUndefined();
    expect(result.data.account.community).toEqual({ members: 3, firstMemberJoinedAt: firstJoin.toISOString() });
  });

  it('reports null for an account without members', async () => {
    const result = await read(empty._id);
    expect(result.data.account.community).toEqual({ members: 0, firstMemberJoinedAt: null });
  });

  it('reads it for a page of accounts in the same aggregation as the other figures', async () => {
    const result = await stack.query<any>(`{ accounts(first: 10) { edges { node { id community { firstMemberJoinedAt } } } } }`, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data.accounts.edges.map((edge: any) => [edge.node.id, edge.node.community.firstMemberJoinedAt]));
    expect(byId.get(early._id)).toBe(firstJoin.toISOString());
    expect(byId.get(empty._id)).toBeNull();
  });
});
