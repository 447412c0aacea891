import { InvertedIndex } from '../../subgraphs/search/index/inverted-index';
import { rankingBoost } from '../../subgraphs/search/index/ranking';
import type { IndexedDocument, SearchScope } from '../../subgraphs/search/index/search-index';
import { BestHits } from '../../subgraphs/search/index/top-hits';

const NOW = new Date('2026-11-22T00:00:00Z');
const STAFF: SearchScope = { everything: true };
const customerOf = (accountId: string): SearchScope => ({ everything: false, accountId });

function document(id: string, overrides: Partial<IndexedDocument> = {}): IndexedDocument {
  return {
    id,
    type: 'ARTICLE',
    title: `Document ${id}`,
    body: '',
    tags: [],
    locale: 'en-US',
    audience: 'PUBLIC',
    accountId: null,
    popularity: 0,
    publishedAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function indexOf(...documents: IndexedDocument[]): InvertedIndex {
  const index = new InvertedIndex({ now: () => NOW });
  for (const item of documents) index.upsert(item);
  return index;
}

const ids = (index: InvertedIndex, text: string, scope: SearchScope = STAFF, filters: object = {}) =>
  index.search({ text, scope, ...filters }, { limit: 100 }).hits.map((hit) => hit.id);

describe('the embedded search index', () => {
  it('ranks a title match above a body-only match', () => {
    const index = indexOf(document('body', { title: 'Billing overview', body: 'How to export invoices' }), document('title', { title: 'Export invoices', body: 'Billing overview' }));
    expect(ids(index, 'export invoices')).toEqual(['title', 'body']);
  });

  it('finds word forms, prefixes and a typo in a longer word, but needs every query word', () => {
    const index = indexOf(document('a', { title: 'Exporting invoices to CSV' }), document('b', { title: 'Dashboard configuration' }));
    expect(ids(index, 'exported')).toEqual(['a']);
    expect(ids(index, 'expo')).toEqual(['a']);
    expect(ids(index, 'configuraton')).toEqual(['b']);
    expect(ids(index, 'export dashboard')).toEqual([]);
  });

  it('applies the scope before counting: a customer sees public items and their own account only', () => {
    const index = indexOf(
      document('public', { title: 'SSO setup' }),
      document('mine', { title: 'SSO ticket', type: 'TICKET', audience: 'ACCOUNT', accountId: 'acc_1' }),
      document('theirs', { title: 'SSO ticket', type: 'TICKET', audience: 'ACCOUNT', accountId: 'acc_2' }),
      document('internal', { title: 'SSO runbook', audience: 'STAFF' }),
    );
    const result = index.search({ text: 'sso', scope: customerOf('acc_1') }, { limit: 1 });
    expect(result.total).toBe(2);
    expect(result.countsByType).toEqual([
      { type: 'ARTICLE', count: 1 },
      { type: 'TICKET', count: 1 },
    ]);
    expect(ids(index, 'sso', customerOf('acc_1')).sort()).toEqual(['mine', 'public']);
    expect(ids(index, 'sso', { everything: false, accountId: null })).toEqual(['public']);
    expect(ids(index, 'sso').sort()).toEqual(['internal', 'mine', 'public', 'theirs']);
    expect(index.suggest('runb', customerOf('acc_1'), 5)).toEqual([]);
    expect(index.suggest('runb', STAFF, 5).map((suggestion) => suggestion.text)).toEqual(['SSO runbook']);
  });

  it('filters by type, by locale or bare language, and by tag', () => {
    const index = indexOf(
      document('ja', { title: 'SSOの設定', locale: 'ja-JP', tags: ['sso'] }),
      document('en', { title: 'SSO setup', type: 'COURSE', tags: ['security'] }),
    );
    expect(ids(index, 'sso', STAFF, { types: ['COURSE'] })).toEqual(['en']);
    expect(ids(index, 'sso', STAFF, { locales: ['ja'] })).toEqual(['ja']);
    expect(ids(index, 'sso', STAFF, { locales: ['en-us'] })).toEqual(['en']);
    expect(ids(index, 'sso', STAFF, { tags: ['security'] })).toEqual(['en']);
  });

  it('replaces a document on upsert and forgets it on remove', () => {
    const index = indexOf(document('a', { title: 'Old words' }));
    index.upsert(document('a', { title: 'New words' }));
    expect(ids(index, 'old')).toEqual([]);
    expect(ids(index, 'new')).toEqual(['a']);
    index.remove('a');
    index.remove('unknown');
    expect(ids(index, 'new')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('pages by position: every hit once, in order, however the pages are cut', () => {
    const index = indexOf(...Array.from({ length: 23 }, (_, n) => document(`d${String(n).padStart(2, '0')}`, { title: 'Renewal checklist', popularity: n % 4 })));
    const all = ids(index, 'renewal');
    const paged: string[] = [];
    let after = null;
    for (;;) {
      const page = index.search({ text: 'renewal', scope: STAFF }, { limit: 5, after });
      paged.push(...page.hits.map((hit) => hit.id));
      if (!page.hasMore) break;
      after = page.hits.at(-1)!;
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(23);
  });

  it('lets popularity and freshness order equal matches, never a weak match over a strong one', () => {
    const index = indexOf(
      document('stale', { title: 'Renewal checklist', updatedAt: new Date('2024-01-01') }),
      document('popular', { title: 'Renewal checklist', popularity: 900 }),
      document('weak', { title: 'Checklist', body: 'renewal', popularity: 100_000 }),
    );
    expect(ids(index, 'renewal checklist')).toEqual(['popular', 'stale', 'weak']);
    expect(rankingBoost({ popularity: 1_000_000, updatedAt: NOW }, NOW.getTime())).toBeCloseTo(1.15);
    expect(rankingBoost({ popularity: 0, updatedAt: new Date('2020-01-01') }, NOW.getTime())).toBeCloseTo(1);
  });
});

describe('keeping the best hits', () => {
  const bestOf = (scores: number[], capacity: number, after: { score: number; id: string } | null = null) => {
    const best = new BestHits(capacity);
    scores.forEach((score, n) => best.offer(score, `h${n}`, n, after));
    return best.sorted().map(({ score, id }) => ({ score, id }));
  };

  it('keeps the best n in ranking order, equal scores by id', () => {
    expect(bestOf([3, 9, 1, 7, 7, 5], 3)).toEqual([
      { score: 9, id: 'h1' },
      { score: 7, id: 'h3' },
      { score: 7, id: 'h4' },
    ]);
    expect(bestOf([3, 9], 0)).toEqual([]);
  });

  it('keeps only hits ranked after the previous page\'s last one', () => {
    expect(bestOf([3, 9, 1, 7, 7, 5], 3, { score: 7, id: 'h3' })).toEqual([
      { score: 7, id: 'h4' },
      { score: 5, id: 'h5' },
      { score: 3, id: 'h0' },
    ]);
  });
});

describe('the index after many changes', () => {
  const words = ['invoice', 'export', 'dashboard', 'salesforce', 'webhook', 'renewal', '請求書', 'エクスポート'];
  const textOf = (n: number, version: number) => `${words[n % words.length]} ${words[(n * 3 + version) % words.length]} item ${n}`;

  it('ranks exactly like a fresh index once changed and removed documents are reclaimed', () => {
    const changing = new InvertedIndex({ now: () => NOW, compactAfterRemovedSlots: 8 });
    for (let n = 0; n < 60; n += 1) changing.upsert(document(`d${n}`, { title: textOf(n, 0), body: textOf(n + 1, 0) }));
    for (let version = 1; version <= 3; version += 1) {
      for (let n = version; n < 60; n += 4) changing.upsert(document(`d${n}`, { title: textOf(n, version), body: textOf(n + 1, version) }));
    }
    for (let n = 0; n < 60; n += 7) changing.remove(`d${n}`);
    const fresh = new InvertedIndex({ now: () => NOW });
    for (let n = 0; n < 60; n += 1) {
      const document_ = changing.get(`d${n}`);
      if (document_) fresh.upsert(document_);
    }
    expect(changing.size).toBe(fresh.size);
    for (const text of ['invoice', 'export dashboard', '請求書', 'renew', 'webhok', 'item']) {
      const page = (index: InvertedIndex) => index.search({ text, scope: STAFF }, { limit: 100 });
      expect(page(changing).hits.map(({ id, score }) => ({ id, score }))).toEqual(page(fresh).hits.map(({ id, score }) => ({ id, score })));
      expect(page(changing).total).toBe(page(fresh).total);
    }
  });
});
