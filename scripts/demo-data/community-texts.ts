import type { PostType } from '../../subgraphs/community/model';
import type { Language } from './names';
import type { Random } from './random';

/** A product area people write about, named in each language, with the tags posts about it carry. */
export interface Topic {
  ja: string;
  en: string;
  tags: readonly string[];
}

const topic = (ja: string, en: string, ...tags: string[]): Topic => ({ ja, en, tags });

export const TOPICS: readonly Topic[] = [
  topic('CSVエクスポート', 'CSV export', 'csv', 'export'),
  topic('Salesforce連携', 'the Salesforce integration', 'salesforce', 'integration'),
  topic('SAMLシングルサインオン', 'SAML single sign-on', 'sso', 'security'),
  topic('ダッシュボード', 'dashboards', 'dashboard', 'reporting'),
  topic('APIのレート制限', 'API rate limits', 'api'),
  topic('請求書の発行', 'invoicing', 'billing', '請求書'),
  topic('Slack通知', 'Slack notifications', 'slack', 'notifications'),
  topic('権限設定', 'user permissions', 'permissions', 'admin'),
  topic('Webhook', 'webhooks', 'webhooks', 'api'),
  topic('オンボーディング', 'onboarding', 'onboarding'),
  topic('データインポート', 'data import', 'import'),
  topic('モバイルアプリ', 'the mobile app', 'mobile'),
  topic('HubSpot連携', 'the HubSpot integration', 'hubspot', 'integration'),
  topic('月次レポート', 'monthly reports', 'reporting'),
];

type Template = (subject: string) => string;

const TITLES: Readonly<Record<Language, Readonly<Record<PostType, readonly Template[]>>>> = {
  ja: {
    QUESTION: [
      (t) => `${t}の設定方法を教えてください`,
      (t) => `${t}でエラーが出る場合の対処法は？`,
      (t) => `${t}を部署ごとに分けて使うには`,
      () => '請求書をCSVでエクスポートする方法',
      () => 'Salesforce連携の設定',
    ],
    DISCUSSION: [(t) => `${t}の運用ルール、みなさんどうしていますか`, (t) => `${t}の活用アイデアを共有しましょう`],
    IDEA: [(t) => `${t}に一括編集機能がほしい`, (t) => `${t}の改善提案：予約実行`],
    CUSTOMER_STORY: [(t) => `${t}で月次の集計作業を80%削減した話`, (t) => `全社展開までの道のり：${t}編`],
  },
  en: {
    QUESTION: [
      (t) => `How do I set up ${t}?`,
      (t) => `${capitalize(t)} fails with a timeout: any ideas?`,
      (t) => `Best way to configure ${t} for a large team?`,
    ],
    DISCUSSION: [(t) => `How does your team use ${t}?`, (t) => `Share your tips for ${t}`],
    IDEA: [(t) => `Idea: bulk editing in ${t}`, (t) => `Feature request: scheduled runs for ${t}`],
    CUSTOMER_STORY: [(t) => `How we cut reporting time by 80% with ${t}`, (t) => `Rolling out ${t} to 500 people in a quarter`],
  },
};

const BODIES: Readonly<Record<Language, Readonly<Record<PostType, readonly Template[]>>>> = {
  ja: {
    QUESTION: [
      (t) => `${t}を使い始めたのですが、管理画面のどこから設定すればよいかわかりません。手順をご存じの方がいれば教えてください。`,
      (t) => `昨日から${t}で「権限がありません」と表示されます。同じ症状の方はいますか？`,
    ],
    DISCUSSION: [(t) => `${t}をチームで使うときのルールを決めようとしています。みなさんの工夫を聞かせてください。`],
    IDEA: [(t) => `${t}で複数の項目をまとめて変更できると、毎週の作業がかなり楽になります。`],
    CUSTOMER_STORY: [
      (t) => `${t}を導入する前は毎月3日かけて集計していました。導入後は半日で終わるようになり、分析に時間を使えています。`,
    ],
  },
  en: {
    QUESTION: [
      (t) => `We just started with ${t} and cannot find where to configure it in the admin console. Does anyone have the steps?`,
      (t) => `Since yesterday ${t} shows "permission denied" for some of our users. Has anyone seen this?`,
    ],
    DISCUSSION: [(t) => `We are writing team guidelines for ${t}. What conventions work for you?`],
    IDEA: [(t) => `Being able to change many items at once in ${t} would save us hours every week.`],
    CUSTOMER_STORY: [
      (t) => `Before ${t}, month-end reporting took three days. Now it takes half a day, and the team spends the time on analysis instead.`,
    ],
  },
};

const REPLIES: Readonly<Record<Language, readonly Template[]>> = {
  ja: [
    (t) => `管理画面の「設定 > 連携」から${t}を有効にできます。反映まで数分かかることがあります。`,
    () => '私たちも同じ症状がありましたが、ブラウザのキャッシュを削除したら解決しました。',
    (t) => `${t}は権限グループごとに設定できます。まず管理者ロールで確認してみてください。`,
    () => 'ありがとうございます！試してみます。',
    () => '弊社でも同じ運用をしています。週次で見直すとうまく回りますよ。',
  ],
  en: [
    (t) => `You can turn on ${t} under Settings > Integrations. It can take a few minutes to apply.`,
    () => 'We had the same issue; clearing the browser cache fixed it for us.',
    (t) => `${capitalize(t)} can be configured per permission group. Check it with an admin role first.`,
    () => 'Thanks, that worked for us!',
    () => 'We do the same and review it weekly. Works well.',
  ],
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title, body and tags of a post about a random topic, in the author's language. */
export function writePost(random: Random, language: Language, type: PostType): { title: string; body: string; tags: string[] } {
  const subject = random.pick(TOPICS);
  const name = subject[language];
  const tags = type === 'CUSTOMER_STORY' ? [...subject.tags, 'customer-story'] : [...subject.tags];
  return { title: random.pick(TITLES[language][type])(name), body: random.pick(BODIES[language][type])(name), tags };
}

export function writeReply(random: Random, language: Language): string {
  return random.pick(REPLIES[language])(random.pick(TOPICS)[language]);
}

/** Meetups and webinars in each language: [title, description, place or null for webinars]. */
export const EVENT_TEXTS: Readonly<Record<Language, ReadonlyArray<readonly [title: string, description: string, place: string | null]>>> = {
  ja: [
    ['Customer Hub ユーザー会 東京', '活用事例の発表と交流会。初めての方も歓迎です。', '東京都千代田区丸の内1-1-1 丸の内センタービル 8F'],
    ['Salesforce連携 活用ウェビナー', '連携の設定から運用のコツまで、デモを交えて解説します。', null],
    ['ユーザー会 大阪', '関西のお客様同士で運用のノウハウを共有します。', '大阪府大阪市北区梅田3-1-3 グランフロント大阪 北館 10F'],
    ['はじめてのダッシュボード作成（ウェビナー）', '導入直後の方向けに、基本のダッシュボードを一緒に作ります。', null],
    ['CSVエクスポート徹底解説', '請求書や月次レポートをCSVで出力する方法をご紹介します。', null],
  ],
  en: [
    ['Customer Hub Meetup London', 'Customer talks, roadmap preview and drinks with the product team.', '1 Finsbury Avenue, London EC2M 2PF'],
    ['Webinar: Getting more from dashboards', 'A live walkthrough of dashboard tips from power users.', null],
    ['Customer Hub Meetup San Francisco', 'Lightning talks from admins and an open Q&A with support.', '500 Howard St, San Francisco, CA 94105'],
    ['Webinar: API and webhooks deep dive', 'Rate limits, retries and signed webhooks explained by our engineers.', null],
    ['Office hours: onboarding your team', 'Bring your rollout questions; our CSMs answer them live.', null],
  ],
};
