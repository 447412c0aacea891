import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { buildMember, buildEvent, buildPost, seedCommunity } from './community';
import { buildAccount, buildUser } from './factories';
import { buildCourse, seedLearning } from './learning';
import { seedAccounts } from './seed';
import type { Stack } from './stack';
import { buildArticle, buildTicket, seedSupport } from './support';

/**
 * A small corpus over every kind of content, English and Japanese, with private items of two
 * accounts and staff-only ones: what the ranking and authorization tests search.
 */
export function buildSearchCorpus() {
  const acme = buildAccount({ name: 'Acme' });
  const globex = buildAccount({ name: 'Globex' });
  const acmeUser = buildUser(acme);
  const globexUser = buildUser(globex);
  const acmeMember = buildMember(acmeUser);
  const globexMember = buildMember(globexUser);
  const items = {
    invoiceArticleJa: buildArticle({ title: '請求書をCSVでエクスポートする方法', body: '管理画面の「請求」から期間を選んでダウンロードします。', locale: 'ja-JP', labels: ['billing'] }),
    invoiceArticleEn: buildArticle({ title: 'Exporting invoices to CSV', body: 'Open Billing, pick a period and download the file.', locale: 'en-US', labels: ['billing'] }),
    salesforcePost: buildPost(acmeMember, { title: 'Salesforce連携の設定がうまくいきません', body: 'OAuthの認証エラーが出ます。', locale: 'ja-JP', tags: ['salesforce'] }),
    ssoCourse: buildCourse({ title: 'Single sign-on with SAML', description: 'Configure SSO for your workspace, step by step.', locale: 'en-US', tags: ['security'] }),
    dashboardStory: buildPost(globexMember, { type: 'CUSTOMER_STORY', title: 'How Globex rebuilt its dashboards', body: 'Our reporting configuration went from weeks to days.', tags: ['dashboards'] }),
    meetupEvent: buildEvent({ title: 'Tokyo user meetup: 請求とレポート', description: 'Billing and reporting tips from customers.', locale: 'ja-JP' }),
    acmeTicket: buildTicket(acmeUser, { subject: 'Invoice export times out', description: 'The CSV export of invoices never finishes for March.' }),
    globexTicket: buildTicket(globexUser, { subject: 'Invoice export shows wrong totals', description: 'Globex confidential: totals differ from our ledger.' }),
    globexPrivatePost: buildPost(globexMember, { visibility: 'ACCOUNT', title: 'Globex internal: invoice approvals', body: 'Only for our team.' }),
    internalArticle: buildArticle({ title: 'Invoice export escalation runbook', body: 'Agents: restart the export worker.', visibility: 'INTERNAL' }),
  };
  return { acme, globex, acmeUser, globexUser, members: [acmeMember, globexMember], items };
}

export type SearchCorpus = ReturnType<typeof buildSearchCorpus>;

export async function seedSearchCorpus(target: Pick<Stack, 'store' | 'config'>, corpus: SearchCorpus): Promise<void> {
  const { items } = corpus;
  const accounts: AccountDocument[] = [corpus.acme, corpus.globex];
  const users: UserDocument[] = [corpus.acmeUser, corpus.globexUser];
  await seedAccounts(target, accounts, users);
  await seedCommunity(target, {
    members: corpus.members,
    posts: [items.salesforcePost, items.dashboardStory, items.globexPrivatePost],
    events: [items.meetupEvent],
  });
  await seedLearning(target, { courses: [items.ssoCourse] });
  await seedSupport(target, { articles: [items.invoiceArticleJa, items.invoiceArticleEn, items.internalArticle], tickets: [items.acmeTicket, items.globexTicket] });
}

/** How many corpus items staff find: everything. */
export const SEARCH_CORPUS_SIZE = 10;
