import type { Identity } from '../../subgraphs/kit/auth';
import { errorCodeOf } from '../../subgraphs/kit/errors';
import { communityPolicy } from '../../subgraphs/community/policy';
import { badgesForPost, defaultLocale, rankOf } from '../../subgraphs/community/rules';
import { buildMember, buildPost } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';

const staff: Identity = { subject: 'staff_1', role: 'staff', accountId: null, scopes: [] };
const customerOf = (accountId: string, subject = 'usr_1'): Identity => ({ subject, role: 'customer', accountId, scopes: [] });
const integration = (...scopes: string[]): Identity => ({ subject: 'int_1', role: 'integration', accountId: null, scopes });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return errorCodeOf(error);
  }
  return undefined;
}

describe('community ranks, badges and locales', () => {
  it.each([
    [0, 'NEWCOMER'],
    [49, 'NEWCOMER'],
    [50, 'CONTRIBUTOR'],
    [249, 'CONTRIBUTOR'],
    [250, 'EXPERT'],
    [999, 'EXPERT'],
    [1_000, 'LEADER'],
    [25_000, 'LEADER'],
  ])('ranks a member with %i points as %s', (points, rank) => {
    expect(rankOf(points)).toBe(rank);
  });

  it('gives a customer story the storyteller badge on top of the first-post badge', () => {
    expect(badgesForPost('CUSTOMER_STORY')).toEqual(['FIRST_POST', 'STORYTELLER']);
    expect(badgesForPost('QUESTION')).toEqual(['FIRST_POST']);
  });

  it.each([
    ['請求書をCSVでエクスポートする方法', 'ja-JP'],
    ['Salesforce連携の設定', 'ja-JP'],
    ['How do I export invoices?', 'en-US'],
  ])('guesses the locale of %s as %s', (title, locale) => {
    expect(defaultLocale(title)).toBe(locale);
  });
});

describe('community policy', () => {
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const stranger = buildUser(theirs);
  const myMember = buildMember(me, { hasPublicContent: false });
  const theirSecret = buildPost(buildMember(stranger), { visibility: 'ACCOUNT' });
  const theirPublic = buildPost(buildMember(stranger));

  it('lets staff and community integrations see every post, and customers public plus their own', () => {
    expect(communityPolicy.postAudience(staff)).toEqual({ everything: true });
    expect(communityPolicy.postAudience(integration('community:read'))).toEqual({ everything: true });
    expect(communityPolicy.postAudience(customerOf(mine._id))).toEqual({ everything: false, accountId: mine._id });
    expect(codeOf(() => communityPolicy.postAudience(integration('support:read')))).toBe('FORBIDDEN');
  });

  it("hides another account's account-only posts from a customer", () => {
    expect(communityPolicy.canReadPost(customerOf(mine._id), theirSecret)).toBe(false);
    expect(communityPolicy.canReadPost(customerOf(mine._id), theirPublic)).toBe(true);
    expect(communityPolicy.canReadPost(customerOf(theirs._id), theirSecret)).toBe(true);
    expect(communityPolicy.canReadPost(integration('accounts:read'), theirPublic)).toBe(false);
  });

  it('shows a private profile only to its own account and staff', () => {
    expect(codeOf(() => communityPolicy.assertCanReadMember(customerOf(theirs._id), myMember))).toBe('FORBIDDEN');
    expect(codeOf(() => communityPolicy.assertCanReadMember(customerOf(mine._id), myMember))).toBeUndefined();
    expect(codeOf(() => communityPolicy.assertCanReadMember(staff, myMember))).toBeUndefined();
    expect(codeOf(() => communityPolicy.assertCanReadMember(customerOf(theirs._id), { ...myMember, hasPublicContent: true }))).toBeUndefined();
  });

  it('makes customers write as themselves and others name the user and account they write for', () => {
    expect(communityPolicy.authorshipOf(customerOf(mine._id, me._id), {})).toEqual({ userId: me._id, accountId: mine._id });
    expect(codeOf(() => communityPolicy.authorshipOf(customerOf(mine._id, me._id), { authorUserId: stranger._id }))).toBe('FORBIDDEN');
    expect(codeOf(() => communityPolicy.authorshipOf(staff, { authorUserId: stranger._id }))).toBe('BAD_USER_INPUT');
    expect(communityPolicy.authorshipOf(integration('community:write'), { authorUserId: stranger._id, accountId: theirs._id })).toEqual({
      userId: stranger._id,
      accountId: theirs._id,
    });
    expect(codeOf(() => communityPolicy.authorshipOf(integration('community:read'), { authorUserId: me._id, accountId: mine._id }))).toBe('FORBIDDEN');
  });

  it("lets only the question's author or staff accept an answer", () => {
    const question = buildPost(buildMember(me));
    expect(codeOf(() => communityPolicy.assertCanAcceptAnswer(customerOf(mine._id, me._id), question))).toBeUndefined();
    expect(codeOf(() => communityPolicy.assertCanAcceptAnswer(customerOf(mine._id, 'usr_colleague'), question))).toBe('FORBIDDEN');
    expect(codeOf(() => communityPolicy.assertCanAcceptAnswer(staff, question))).toBeUndefined();
  });

  it('lets only customers register for events', () => {
    expect(communityPolicy.registrantOf(customerOf(mine._id, me._id))).toEqual({ userId: me._id, accountId: mine._id });
    expect(codeOf(() => communityPolicy.registrantOf(staff))).toBe('FORBIDDEN');
  });
});
