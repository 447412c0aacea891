import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFieldsOf, bcp47Of, labelsOf } from '../../subgraphs/integrations/inbound/sources/zendesk/article-mapping';
import { htmlToMarkdown } from '../../subgraphs/integrations/inbound/sources/zendesk/html-markdown';
import { articleBody, commentAddedEvent, ticketTriggerBody, zendeskTicket } from '../../subgraphs/integrations/inbound/sources/zendesk/payloads';
import { commentFieldsOf, isKeptTicket, ticketFieldsOf } from '../../subgraphs/integrations/inbound/sources/zendesk/ticket-mapping';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/zendesk', name), 'utf8'));

function apiTicket(overrides: Record<string, unknown> = {}) {
  return zendeskTicket.parse({
    id: 35436,
    subject: 'Export stops at 10,000 rows',
    description: 'The CSV export stops.',
    status: 'open',
    priority: null,
    tags: [],
    requester_id: 20978392,
    organization_id: 509974,
    created_at: '2026-11-02T01:15:42Z',
    updated_at: '2026-11-02T01:15:42Z',
    ...overrides,
  });
}

describe('mapping Zendesk tickets onto support tickets', () => {
  it('maps a Tickets API object as the API documents its fields', () => {
    const { ticket } = ticketTriggerBody.parse(fixture('trigger-ticket.json'));
    expect(ticketFieldsOf(ticket)).toEqual({
      externalIds: [{ source: 'zendesk', id: '35501' }],
      subject: '請求書の住所が更新されない',
      description: '請求書のPDFに会社の住所が古いまま表示されます。設定画面では新しい住所に更新済みです。',
      status: 'CLOSED',
      priority: 'NORMAL',
      tags: ['billing', 'invoice_pdf'],
      satisfaction: { rating: 'GOOD', comment: 'すぐに直していただき助かりました。' },
      createdAt: '2026-10-28T06:02:11.000Z',
      updatedAt: '2026-10-30T09:12:45.000Z',
    });
    expect(ticket.requester_id).toBe('8447388090494');
    expect(ticket.organization_id).toBe('8447346622462');
  });

  it('reads the upper-case values and string ids of event webhooks the same way', () => {
    const ticket = zendeskTicket.parse(fixture('ticket-created-event.json').detail);
    expect(ticketFieldsOf(ticket)).toMatchObject({ externalIds: [{ source: 'zendesk', id: '35436' }], status: 'NEW', priority: 'HIGH', tags: ['csv_export', 'reporting'] });
    expect(ticket).toMatchObject({ requester_id: '8447388090494', organization_id: '8447346622462' });
  });

  it.each([
    ['new', 'NEW'],
    ['open', 'OPEN'],
    ['pending', 'PENDING'],
    ['hold', 'ON_HOLD'],
    ['solved', 'SOLVED'],
    ['closed', 'CLOSED'],
  ])('maps status %s to %s', (status, expected) => {
    expect(ticketFieldsOf(apiTicket({ status })).status).toBe(expected);
  });

  it.each([
    ['urgent', 'URGENT'],
    ['high', 'HIGH'],
    ['normal', 'NORMAL'],
    ['low', 'LOW'],
  ])('maps priority %s to %s', (priority, expected) => {
    expect(ticketFieldsOf(apiTicket({ priority })).priority).toBe(expected);
  });

  it('leaves the priority out when Zendesk has none, so support keeps its own', () => {
    expect(ticketFieldsOf(apiTicket({ priority: null }))).not.toHaveProperty('priority');
  });

  it('maps satisfaction: good and bad with their comment, offered or unoffered as no rating, absent as untouched', () => {
    expect(ticketFieldsOf(apiTicket({ satisfaction_rating: { score: 'bad', comment: ' Too slow ' } })).satisfaction).toEqual({ rating: 'BAD', comment: 'Too slow' });
    expect(ticketFieldsOf(apiTicket({ satisfaction_rating: { score: 'good', comment: '' } })).satisfaction).toEqual({ rating: 'GOOD', comment: null });
    expect(ticketFieldsOf(apiTicket({ satisfaction_rating: { score: 'offered', comment: null } })).satisfaction).toBeNull();
    expect(ticketFieldsOf(apiTicket({ satisfaction_rating: { score: 'unoffered' } })).satisfaction).toBeNull();
    expect(ticketFieldsOf(apiTicket())).not.toHaveProperty('satisfaction');
  });

  it('keeps tags support can store, lower-cased and once, and drops the others', () => {
    expect(ticketFieldsOf(apiTicket({ tags: ['VIP', 'vip', 'has space', 'sla:gold', 'タグ'] })).tags).toEqual(['vip', 'sla:gold', 'タグ']);
  });

  it('fills an empty subject from the description, as Zendesk shows it', () => {
    const fields = ticketFieldsOf(apiTicket({ subject: '', description: 'First line\nSecond line' }));
    expect(fields.subject).toBe('First line');
  });

  it('keeps deleted tickets of the incremental export out', () => {
    expect(isKeptTicket(apiTicket({ status: 'deleted' }))).toBe(false);
    expect(isKeptTicket(apiTicket())).toBe(true);
  });

  it('maps a comment event: staff authors are agents, the comment keeps its Zendesk id', () => {
    const { comment } = commentAddedEvent.parse(fixture('ticket-comment-added-event.json').event);
    expect(commentFieldsOf(comment, new Date('2026-11-02T03:02:10Z'))).toEqual({
      id: 'zendesk-8612290384151',
      authorName: 'Kenji Watanabe',
      authorRole: 'AGENT',
      body: 'Thanks for the report. Until the fix ships, export the month in two halves with the date filter; each half stays under the limit.',
      isPublic: true,
      createdAt: '2026-11-02T03:02:10.000Z',
    });
    expect(commentFieldsOf({ id: '1', body: '   ', author: { is_staff: false } }, new Date())).toBeNull();
  });
});

describe('mapping Help Center articles onto support articles', () => {
  it('maps an article object, its HTML turned into Markdown', () => {
    const { article } = articleBody.parse(fixture('help-center-article.json'));
    expect(articleFieldsOf(article)).toEqual({
      externalIds: [{ source: 'zendesk', id: '7005414006398' }],
      title: '配送レポートを月単位でエクスポートする方法',
      body: [
        '月末の請求処理には、ひと月分の配送レポートが必要です。',
        '## 手順',
        '- **レポート** > **配送** を開きます。\n- 期間を前半と後半に分けて、それぞれ `CSV` でエクスポートします。',
        '詳しくは [エクスポートの上限](https://help.customerhub.example/hc/ja/articles/7005414006399) をご覧ください。',
      ].join('\n\n'),
      locale: 'ja',
      section: '7005437870078',
      labels: ['csv', 'delivery-report'],
      url: 'https://help.customerhub.example/hc/ja/articles/7005414006398',
      visibility: 'PUBLIC',
      createdAt: '2026-11-05T02:10:07.000Z',
      updatedAt: '2026-11-05T02:11:40.000Z',
    });
  });

  it('keeps an article restricted to a user segment internal', () => {
    const { article } = articleBody.parse({ article: { ...fixture('help-center-article.json').article, user_segment_id: 7005437871234 } });
    expect(articleFieldsOf(article).visibility).toBe('INTERNAL');
  });

  it.each([
    ['en-us', 'en-US'],
    ['ja', 'ja'],
    ['pt-br', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
  ])('writes the Help Center locale %s as %s', (zendesk, expected) => {
    expect(bcp47Of(zendesk)).toBe(expected);
  });

  it('reports a locale support cannot store as null', () => {
    expect(bcp47Of('x-klingon-0')).toBeNull();
  });

  it('turns label names with spaces into dashed labels', () => {
    expect(labelsOf(['Getting Started', 'csv', 'CSV'])).toEqual(['getting-started', 'csv']);
  });

  it('decodes entities and drops scripts when turning HTML into Markdown', () => {
    expect(htmlToMarkdown('<p>Tom &amp; Jerry&#39;s &lt;tips&gt;</p><script>alert(1)</script><p>Line<br>break</p>')).toBe("Tom & Jerry's <tips>\n\nLine\nbreak");
  });
});
