import { generateDemoDataset, type DemoDataset } from '../../scripts/demo-data/dataset';
import { pickDemoCustomer } from '../../scripts/demo-data/generate';
import { loadAccountsDemoData } from '../../subgraphs/accounts/demo';
import { loadCommunityDemoData } from '../../subgraphs/community/demo';
import { communityCounts } from '../helpers/community';
import { startStack, type Stack } from '../helpers/stack';

describe('the community demo data in a running hub', () => {
  let stack: Stack;
  let dataset: DemoDataset;

  beforeAll(async () => {
    stack = await startStack();
    dataset = generateDemoDataset();
    await loadAccountsDemoData(stack, dataset);
    expect(await loadCommunityDemoData(stack, dataset.community)).toBe(true);
  });
  afterAll(() => stack.stop());

  it('loads only into an empty database', async () => {
    const before = await communityCounts(stack);
    expect(before.posts).toBe(dataset.community.posts.length);
    expect(await loadCommunityDemoData(stack, dataset.community)).toBe(false);
    expect(await communityCounts(stack)).toEqual(before);
  });

  it("shows the demo customer public posts and their own account's, their profile and their account's activity", async () => {
    const customer = pickDemoCustomer(dataset);
    const token = await stack.customerToken(customer.accountId, customer.userId);
    const result = await stack.query<any>(
      `{
        posts(first: 5) { totalCount edges { node { title author { displayName rank } } } }
        events(upcoming: true) { totalCount }
        viewer { user { community { displayName points } } account { community { members activeMembers30d posts } } }
      }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    const visible = dataset.community.posts.filter((post) => post.visibility === 'PUBLIC' || post.accountId === customer.accountId);
    expect(result.data.posts.totalCount).toBe(visible.length);
    expect(result.data.posts.edges).toHaveLength(5);
    expect(result.data.events.totalCount).toBeGreaterThan(0);
    expect(result.data.viewer.user.community).not.toBeNull();
    const members = dataset.community.members.filter((member) => member.accountId === customer.accountId);
    expect(result.data.viewer.account.community.members).toBe(members.length);
    expect(result.data.viewer.account.community.activeMembers30d).toBeGreaterThan(0);
  });
});
