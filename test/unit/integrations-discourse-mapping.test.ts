import { htmlToText } from '../../subgraphs/integrations/inbound/sources/discourse/html-text';
import { discoursePost } from '../../subgraphs/integrations/inbound/sources/discourse/payloads';
import { bodyOf, displayNameOf, reasonToSkip, tagsOf, titleOf } from '../../subgraphs/integrations/inbound/sources/discourse/post-content';
import { discoursePayload, type DiscoursePostFixture } from '../fixtures/discourse/discourse-events';

const post = (change: (raw: DiscoursePostFixture) => void = () => undefined) => {
  const { post: raw } = discoursePayload('post_created.first-post');
  change(raw);
  return discoursePost.parse(raw);
};

describe('Discourse posts as community content', () => {
  it('takes the Markdown the author wrote as the body', () => {
    expect(bodyOf(post())).toBe(
      '出荷データを毎朝 CSV で取り込んでいます。**取り込みが 30 分**かかるのですが、差分だけを送る方法はありますか？\n\n* 件数: 約 12 万行\n* 形式: UTF-8 の CSV',
    );
  });

  it('falls back to the rendered HTML as plain text when the Markdown is absent', () => {
    expect(bodyOf(post((raw) => delete raw.raw))).toBe(
      '出荷データを毎朝 CSV で取り込んでいます。取り込みが 30 分かかるのですが、差分だけを送る方法はありますか？\n\n件数: 約 12 万行\n\n形式: UTF-8 の CSV',
    );
  });

  it('cuts a body longer than the community holds', () => {
    expect(bodyOf(post((raw) => (raw.raw = 'a'.repeat(25_000)))).length).toBe(20_000);
  });

  it('names the author by their full name, else their username', () => {
    expect(displayNameOf(post())).toBe('佐藤 花子');
    expect(displayNameOf(post((raw) => (raw.name = null)))).toBe('hanako_sato');
  });

  it('titles a post after its topic, cut to 200 characters', () => {
    expect(titleOf('CSV 取り込みを差分だけにしたい', 517)).toBe('CSV 取り込みを差分だけにしたい');
    expect(titleOf('x'.repeat(250), 517)).toHaveLength(200);
    expect(titleOf(null, 517)).toBe('Topic 517');
  });

  it('keeps only tags the community can hold, lower-cased, at most 10', () => {
    expect(tagsOf(['CSV', 'import', 'パフォーマンス', 'delta sync!', 'csv'])).toEqual(['csv', 'import', 'パフォーマンス']);
    expect(tagsOf(Array.from({ length: 12 }, (_, n) => `tag${n}`))).toHaveLength(10);
  });

  it('leaves out personal messages, whispers, small actions and Discourse\'s own posts', () => {
    expect(reasonToSkip(post())).toBeNull();
    expect(reasonToSkip(post((raw) => (raw.topic_archetype = 'private_message')))).toMatch(/personal message/);
    expect(reasonToSkip(post((raw) => (raw.post_type = 4)))).toMatch(/not a regular post \(post_type 4\)/);
    expect(reasonToSkip(post((raw) => (raw.post_type = 3)))).toMatch(/post_type 3/);
    expect(reasonToSkip(post((raw) => (raw.user_id = -1)))).toMatch(/written by Discourse itself/);
  });
});

describe('rendered HTML as text', () => {
  it('keeps the words, breaks blocks into lines and decodes entities', () => {
    expect(htmlToText('<h2>Setup</h2><p>Use <a href="https://x.example">the guide</a> &amp; call <code>sync()</code>.<br>Done &#x2714;&#65039;</p>')).toBe(
      'Setup\n\nUse the guide & call sync().\nDone ✔️',
    );
  });

  it('keeps an image\'s alternative text and drops scripts', () => {
    expect(htmlToText('<p><img src="/uploads/a.png" alt="import settings" width="690"></p><script>alert(1)</script>')).toBe('import settings');
  });

  it('leaves unclosed markup as text', () => {
    expect(htmlToText('<p'.repeat(50_000))).toHaveLength(100_000);
    expect(htmlToText('a &lt; b and c &gt; d')).toBe('a < b and c > d');
  });
});
