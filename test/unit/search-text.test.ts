import { BoundedCache } from '../../subgraphs/search/text/bounded-cache';
import { analyze, indexTerms, tokenize } from '../../subgraphs/search/text/analyzer';
import { escapeHtml, highlightPassage, highlightWhole } from '../../subgraphs/search/highlight';

describe('turning text into search terms', () => {
  it('segments Japanese written without spaces into dictionary words and drops particles', () => {
    expect(analyze('請求書をCSVでエクスポートする方法')).toEqual(['請求', '書', 'csv', 'エクスポート', '方法']);
  });

  it('meets a spaced Japanese query with the same terms as the unspaced title', () => {
    const titleTerms = new Set(analyze('請求書をCSVでエクスポートする方法'));
    expect(analyze('請求書 エクスポート').every((term) => titleTerms.has(term))).toBe(true);
  });

  it('stems English word forms to one term and drops stop words', () => {
    expect(analyze('Exporting the exported exports')).toEqual(['export', 'export', 'export']);
    expect(analyze('how to')).toEqual([]);
  });

  it('folds full-width letters and half-width katakana (NFKC) and lower-cases', () => {
    expect(analyze('ＣＳＶｴｸｽﾎﾟｰﾄ')).toEqual(analyze('csvエクスポート'));
  });

  it('indexes an English word under its stem and its written form, so a typo can still meet it', () => {
    expect(indexTerms('Configuration')).toEqual(['configur', 'configuration']);
    expect(indexTerms('SSO')).toEqual(['sso']);
    expect(indexTerms('the')).toBeNull();
  });

  it('keeps the offsets of every segment, so highlights land on the original text', () => {
    const tokens = tokenize('Salesforce連携の設定');
    expect(tokens.map((token) => [token.text, token.start])).toEqual([
      ['Salesforce', 0],
      ['連携', 10],
      ['の', 12],
      ['設定', 13],
    ]);
  });
});

describe('highlighting matches', () => {
  const matched = new Set(['請求', '書', 'エクスポート', 'export', 'exporting', 'invoic', 'invoices']);

  it('marks matched Japanese words, a run of them as one mark', () => {
    expect(highlightWhole('請求書をCSVでエクスポートする方法', matched)).toBe('<mark>請求書</mark>をCSVで<mark>エクスポート</mark>する方法');
  });

  it('marks a matched English phrase once and leaves unmatched words alone', () => {
    expect(highlightWhole('Exporting invoices to CSV', matched)).toBe('<mark>Exporting invoices</mark> to CSV');
  });

  it('returns no title highlight when nothing in the title matched', () => {
    expect(highlightWhole('Dashboards for teams', matched)).toBeNull();
  });

  it('escapes the text, so a user-written title cannot inject markup next to our marks', () => {
    expect(highlightWhole('<img src=x onerror=alert(1)> exporting "now" & later', matched)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <mark>exporting</mark> &quot;now&quot; &amp; later',
    );
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('cuts a long text to a passage around the first match, with ellipses where it was cut', () => {
    const text = `${'Some unrelated words come first. '.repeat(10)}Here we explain exporting invoices in detail. ${'More text follows. '.repeat(20)}`;
    const passage = highlightPassage(text, matched, 120);
    expect(passage.startsWith('…')).toBe(true);
    expect(passage.endsWith('…')).toBe(true);
    expect(passage).toContain('Here we explain <mark>exporting invoices</mark> in detail.');
    expect(passage.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(120);
  });

  it('shows the opening of the text when only the title matched', () => {
    expect(highlightPassage('Nothing here matches.', matched)).toBe('Nothing here matches.');
  });
});

describe('the bounded cache behind the analyzer and highlighting', () => {
  it('computes each key once and forgets the least recently used beyond its capacity', () => {
    const computed: string[] = [];
    const cache = new BoundedCache<string, string>(2);
    const upper = (key: string) => {
      computed.push(key);
      return key.toUpperCase();
    };
    expect(cache.get('a', upper)).toBe('A');
    expect(cache.get('b', upper)).toBe('B');
    expect(cache.get('a', upper)).toBe('A');
    expect(cache.get('c', upper)).toBe('C');
    expect(cache.get('a', upper)).toBe('A');
    expect(cache.get('b', upper)).toBe('B');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});
