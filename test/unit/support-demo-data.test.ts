import type { UserDocument } from '../../subgraphs/accounts/model';
import { loadConfig } from '../../subgraphs/kit/config';
import { openStore } from '../../subgraphs/kit/store/open-store';
import { loadSupportDemoData } from '../../subgraphs/support/demo';
import { OPEN_TICKET_STATUSES, SOLVED_TICKET_STATUSES, type TicketDocument } from '../../subgraphs/support/model';
import { profileAccounts, type DemoScale, type DomainContext } from '../../scripts/demo-data/context';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { generateSupportDemoData, type SupportDemoData } from '../../scripts/demo-data/support';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const DAY_MS = 86_400_000;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function contextFor(options: { seed?: number; scale?: DemoScale; atRiskEvery?: number } = {}): DomainContext {
  const { seed = 42, scale = 'demo', atRiskEvery } = options;
  const base = generateDemoData({ seed, now: NOW, ...(scale === 'bench' ? { accounts: 2_000, teamScale: 1.7 } : {}) });
  const profiles = profileAccounts(base.accounts, base.users, NOW).map((profile, index) =>
    atRiskEvery && profile.account.customerSince && index % atRiskEvery === 0 ? { ...profile, isAtRisk: true } : profile,
  );
  return { seed, now: NOW, scale, ...base, profiles };
}

function ticketsByAccount(data: SupportDemoData): Map<string, TicketDocument[]> {
  const grouped = new Map<string, TicketDocument[]>();
  for (const ticket of data.tickets) grouped.set(ticket.accountId, [...(grouped.get(ticket.accountId) ?? []), ticket]);
  return grouped;
}

const isOpen = (ticket: TicketDocument) => OPEN_TICKET_STATUSES.includes(ticket.status);

describe('generateSupportDemoData', () => {
  const context = contextFor({ atRiskEvery: 5 });
  const data = generateSupportDemoData(context);
  const users = new Map<string, UserDocument>(context.users.map((user) => [user._id, user]));

  it('gives deep-equal output for the same seed and now, and different output for another seed', () => {
    expect(generateSupportDemoData(contextFor())).toEqual(generateSupportDemoData(contextFor()));
    expect(generateSupportDemoData(contextFor({ seed: 7 })).tickets).not.toEqual(generateSupportDemoData(contextFor()).tickets);
  });

  it('gives every account 5 to 40 tickets, asked by its own users', () => {
    const grouped = ticketsByAccount(data);
    for (const account of context.accounts) {
      const count = grouped.get(account._id)?.length ?? 0;
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(40);
    }
    for (const ticket of data.tickets) expect(users.get(ticket.requesterId)?.accountId).toBe(ticket.accountId);
  });

  it('uses unique ids for tickets, comments within a ticket, articles and view days', () => {
    const unique = (values: string[]) => new Set(values).size;
    expect(unique(data.tickets.map((ticket) => ticket._id))).toBe(data.tickets.length);
    expect(data.tickets.every((ticket) => unique(ticket.comments.map((comment) => comment.id)) === ticket.comments.length)).toBe(true);
    expect(unique(data.articles.map((article) => article._id))).toBe(data.articles.length);
    expect(unique(data.articleViewDays.map((day) => day._id))).toBe(data.articleViewDays.length);
    expect(data.tickets.every((ticket) => /^tkt_\d{4}_\d{4}$/.test(ticket._id))).toBe(true);
  });

  it('keeps every ticket in the last six months and its times in order', () => {
    for (const ticket of data.tickets) {
      expect(NOW.getTime() - ticket.createdAt.getTime()).toBeLessThanOrEqual(180 * DAY_MS);
      expect(ticket.createdAt.getTime()).toBeGreaterThanOrEqual(users.get(ticket.requesterId)!.firstSeenAt.getTime());
      if (ticket.firstResponseAt) expect(ticket.firstResponseAt.getTime()).toBeGreaterThan(ticket.createdAt.getTime());
      if (ticket.solvedAt) expect(ticket.solvedAt.getTime()).toBeGreaterThan(ticket.firstResponseAt!.getTime());
      expect(ticket.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      for (const comment of ticket.comments) expect(comment.createdAt.getTime()).toBeLessThanOrEqual(ticket.updatedAt.getTime());
      expect(ticket.solvedAt !== null).toBe(SOLVED_TICKET_STATUSES.includes(ticket.status));
      if (ticket.satisfaction) expect(ticket.solvedAt).not.toBeNull();
    }
  });

  it("starts each conversation with the requester's message and answers it with the first public agent comment", () => {
    for (const ticket of data.tickets) {
      expect(ticket.comments[0]).toMatchObject({ authorRole: 'REQUESTER', body: ticket.description, isPublic: true, createdAt: ticket.createdAt });
      const firstAnswer = ticket.comments.find((comment) => comment.authorRole === 'AGENT' && comment.isPublic);
      expect(firstAnswer?.createdAt ?? null).toEqual(ticket.firstResponseAt);
    }
    expect(data.tickets.some((ticket) => ticket.comments.some((comment) => !comment.isPublic))).toBe(true);
  });

  it('writes Japanese tickets for Japanese accounts and English ones otherwise', () => {
    const locales = new Map(context.accounts.map((account) => [account._id, account.locale]));
    for (const ticket of data.tickets) expect(JAPANESE.test(ticket.subject)).toBe(locales.get(ticket.accountId) === 'ja-JP');
    expect(data.tickets.some((ticket) => /[A-Za-z]/.test(ticket.subject) && JAPANESE.test(ticket.subject))).toBe(true);
  });

  it('marks imported tickets with help-desk ids and a sync time after their last change', () => {
    const imported = data.tickets.filter((ticket) => ticket.externalIds.length > 0);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.length).toBeLessThan(data.tickets.length);
    for (const ticket of data.tickets) {
      if (ticket.externalIds.length === 0) {
        expect(ticket).not.toHaveProperty('externalKeys');
        expect(ticket.syncedAt).toBeNull();
      } else {
        expect(ticket.externalKeys).toEqual(ticket.externalIds.map(({ source, id }) => `${source}:${id}`));
        expect(ticket.syncedAt!.getTime()).toBeGreaterThanOrEqual(ticket.updatedAt.getTime());
      }
    }
    expect(new Set(imported.map((ticket) => ticket.externalKeys![0])).size).toBe(imported.length);
  });

  it('gives at-risk accounts an urgent open ticket and a BAD rating in the last 90 days', () => {
    const grouped = ticketsByAccount(data);
    const atRisk = context.profiles.filter((profile) => profile.isAtRisk);
    expect(atRisk.length).toBeGreaterThan(0);
    for (const profile of atRisk) {
      const tickets = grouped.get(profile.account._id) ?? [];
      expect(tickets.some((ticket) => isOpen(ticket) && ticket.priority === 'URGENT')).toBe(true);
      expect(tickets.some((ticket) => ticket.satisfaction?.rating === 'BAD' && NOW.getTime() - ticket.solvedAt!.getTime() <= 90 * DAY_MS)).toBe(true);
    }
  });

  it('rates support worse for at-risk accounts than for the others', () => {
    const atRiskIds = new Set(context.profiles.filter((profile) => profile.isAtRisk).map((profile) => profile.account._id));
    const badShare = (tickets: TicketDocument[]) => {
      const rated = tickets.filter((ticket) => ticket.satisfaction);
      return rated.filter((ticket) => ticket.satisfaction?.rating === 'BAD').length / rated.length;
    };
    const atRiskTickets = data.tickets.filter((ticket) => atRiskIds.has(ticket.accountId));
    const otherTickets = data.tickets.filter((ticket) => !atRiskIds.has(ticket.accountId));
    expect(badShare(atRiskTickets)).toBeGreaterThan(badShare(otherTickets) + 0.2);
  });

  it('publishes about thirty articles in Japanese and English, mixed-script titles and internal playbooks included', () => {
    expect(data.articles.length).toBeGreaterThanOrEqual(25);
    expect(data.articles.length).toBeLessThanOrEqual(40);
    const titles = data.articles.map((article) => article.title);
    expect(titles).toEqual(expect.arrayContaining(['請求書をCSVでエクスポートする方法', 'Salesforce連携の設定']));
    expect(new Set(data.articles.map((article) => article.locale))).toEqual(new Set(['ja-JP', 'en-US']));
    const internal = data.articles.filter((article) => article.visibility === 'INTERNAL');
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((article) => article.url === null && article.externalIds.length === 0)).toBe(true);
    for (const article of data.articles) expect(article.createdAt.getTime()).toBeLessThanOrEqual(article.updatedAt.getTime());
  });

  it('records daily article views for known accounts on UTC days up to today', () => {
    const accountIds = new Set(context.accounts.map((account) => account._id));
    for (const day of data.articleViewDays) {
      expect(accountIds.has(day.accountId)).toBe(true);
      expect(day.views).toBeGreaterThan(0);
      expect(day._id).toBe(`${day.accountId}:${day.day.toISOString().slice(0, 10)}`);
      expect(day.day.toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(day.day.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });
});

describe('generateSupportDemoData at bench scale', () => {
  it('makes about 120,000 tickets of one to three comments each', () => {
    const data = generateSupportDemoData(contextFor({ scale: 'bench' }));
    expect(data.tickets.length).toBeGreaterThan(100_000);
    expect(data.tickets.length).toBeLessThan(140_000);
    expect(data.tickets.every((ticket) => ticket.comments.length >= 1 && ticket.comments.length <= 3)).toBe(true);
    // Generating 2,000 accounts and their tickets takes a few seconds; leave room on a busy machine.
  }, 120_000);
});

describe('loadSupportDemoData', () => {
  it('loads into an empty database only', async () => {
    const store = await openStore({});
    const deps = { store, config: loadConfig({ NODE_ENV: 'test', MONGODB_DB_PREFIX: 'unit_' }) };
    const data = generateSupportDemoData(contextFor());
    try {
      expect(await loadSupportDemoData(deps, data)).toBe(true);
      expect(await loadSupportDemoData(deps, { ...data, tickets: [] })).toBe(false);
      const tickets = await store.db('unit_support').collection('tickets').countDocuments();
      expect(tickets).toBe(data.tickets.length);
      expect(await store.db('unit_support').collection('articleViewDays').countDocuments()).toBe(data.articleViewDays.length);
    } finally {
      await store.close();
    }
  });
});
