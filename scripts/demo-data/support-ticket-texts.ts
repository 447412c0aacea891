import type { Language } from './names';

/** One kind of support request, with the conversation it usually brings. */
export interface TicketTopic {
  subject: string;
  description: string;
  /** The agent's first public answer. */
  reply: string;
  /** An internal note: staff-only, never shown to the customer. */
  note: string;
  /** The requester writing back. */
  followUp: string;
  tags: string[];
}

export const TICKET_TOPICS: Readonly<Record<Language, readonly TicketTopic[]>> = {
  ja: [
    { subject: '請求書をCSVでエクスポートしたい', description: '経理チームから先月分の請求書をCSVで欲しいと依頼がありました。どこから出力できますか？', reply: '「請求」画面の「CSVでエクスポート」から出力できます。手順はヘルプセンターの記事をご覧ください。', note: '請求チームに確認済み。過去24か月分まで出力可能。', followUp: 'ありがとうございます。出力できました。', tags: ['billing', 'csv'] },
    { subject: 'Salesforce連携の同期エラー', description: '今朝から Salesforce との同期が「認証エラー」で止まっています。', reply: 'Salesforce 側でパスワードが変更されると再認証が必要です。「連携」画面から再接続をお試しください。', note: '同様の問い合わせ3件目。SF APIのレート制限の可能性もあり開発に共有。', followUp: '再接続しましたが、まだ一部の取引先が同期されません。', tags: ['salesforce', 'integration'] },
    { subject: 'SSO（SAML）でログインできない', description: 'IdP を Okta に切り替えたところ、全員がログインできなくなりました。至急対応をお願いします。', reply: '新しい IdP のメタデータがまだ登録されていないようです。「セキュリティ」→「SSO」から更新してください。', note: '証明書の有効期限切れ。顧客のIT部門と画面共有で対応予定。', followUp: 'メタデータを更新したらログインできました。', tags: ['sso', 'login'] },
    { subject: 'CSVインポートで文字化けする', description: 'Excel で保存したCSVをインポートすると日本語が文字化けします。', reply: 'Shift_JIS で保存されたファイルのようです。UTF-8 で保存し直すか、テンプレートをご利用ください。', note: 'Shift_JIS 対応は改善要望として登録済み。', followUp: 'UTF-8 で保存したら解決しました。', tags: ['csv', 'import'] },
    { subject: 'ユーザーの権限を一括で変更したい', description: '部署異動に伴い、20名の権限を編集者から閲覧者に変えたいです。', reply: '「ユーザー」画面で複数選択し「ロールを変更」から一括で変更できます。', note: '一括変更APIの案内も検討。', followUp: '一括で変更できました。助かりました。', tags: ['users', 'permissions'] },
    { subject: 'ダッシュボードの表示が遅い', description: '先週からダッシュボードの表示に30秒以上かかります。', reply: '大きな期間のウィジェットが原因のようです。期間を90日以内に絞ると改善します。', note: 'テナントのデータ量が上位5%。パフォーマンス改善チケットに紐付け。', followUp: '期間を絞っても遅いままです。', tags: ['performance', 'dashboard'] },
    { subject: '契約プランの変更について', description: '来月から利用人数が増えるため、上位プランへの変更を検討しています。', reply: '担当CSMよりお見積りをお送りします。変更は月初から適用されます。', note: 'アップセル機会。CSMに連絡済み。', followUp: '見積りを確認しました。社内で検討します。', tags: ['billing', 'plan'] },
    { subject: 'APIのレート制限に達してしまう', description: '夜間バッチでAPIを呼ぶと429エラーが返ってきます。', reply: '1分あたり600リクエストが上限です。リトライ時は Retry-After ヘッダーに従ってください。', note: '上限緩和の要望あり。Enterprise プランなら緩和可能。', followUp: 'リトライを実装したら安定しました。', tags: ['api', 'rate-limit'] },
  ],
  en: [
    { subject: 'How do I export invoices as CSV?', description: 'Our finance team needs last month\'s invoices as a CSV file. Where can I download them?', reply: 'Go to Billing and choose Export as CSV. The help-center article walks through it step by step.', note: 'Checked with billing: exports go back 24 months.', followUp: 'Thanks, got the file.', tags: ['billing', 'csv'] },
    { subject: 'Salesforce sync stopped with an auth error', description: 'Since this morning the Salesforce sync fails with "authentication error".', reply: 'A password change on the Salesforce side requires reconnecting. Please reconnect under Integrations.', note: 'Third report this week; could also be SF API limits. Shared with engineering.', followUp: 'Reconnected, but some accounts still do not sync.', tags: ['salesforce', 'integration'] },
    { subject: 'Nobody can sign in with SSO', description: 'We moved our IdP to Okta and now nobody can sign in. This is urgent.', reply: 'The new IdP\'s metadata is not uploaded yet. Please update it under Security → SSO.', note: 'Expired certificate. Screen share with their IT scheduled.', followUp: 'Updated the metadata and sign-in works again.', tags: ['sso', 'login'] },
    { subject: 'Import fails on special characters', description: 'Importing our CSV fails on rows with accented names.', reply: 'The file seems to be saved as Windows-1252. Saving it as UTF-8 fixes this.', note: 'Encoding detection is on the roadmap; logged the request.', followUp: 'Saved as UTF-8 and the import went through.', tags: ['csv', 'import'] },
    { subject: 'Change roles for many users at once', description: 'After a reorganization we need to move 20 people from editor to viewer.', reply: 'Select them on the Users page and choose Change role to update them at once.', note: 'Could also point them to the bulk API.', followUp: 'Worked for all of them, thanks.', tags: ['users', 'permissions'] },
    { subject: 'Dashboard takes 30 seconds to load', description: 'Since last week our main dashboard takes more than 30 seconds to load.', reply: 'A widget with a very long period causes this. Limiting it to 90 days helps.', note: 'Tenant is in the top 5% by data volume. Linked to the performance epic.', followUp: 'Still slow after shortening the period.', tags: ['performance', 'dashboard'] },
    { subject: 'Upgrading our plan', description: 'We are adding a team next month and want to move to a bigger plan.', reply: 'Your CSM will send a quote; changes apply from the start of the next month.', note: 'Upsell opportunity; CSM informed.', followUp: 'Got the quote, we will discuss internally.', tags: ['billing', 'plan'] },
    { subject: 'Hitting the API rate limit', description: 'Our nightly batch gets 429 responses from the API.', reply: 'The limit is 600 requests per minute. Please honor the Retry-After header when retrying.', note: 'Asked for a higher limit; possible on Enterprise.', followUp: 'Retries fixed it.', tags: ['api', 'rate-limit'] },
  ],
};

/** What requesters write with a rating. */
export const SATISFACTION_COMMENTS: Readonly<Record<Language, { good: readonly string[]; bad: readonly string[] }>> = {
  ja: {
    good: ['迅速に対応いただきありがとうございました。', '丁寧な説明で助かりました。', 'すぐに解決しました。'],
    bad: ['回答までに時間がかかりすぎです。', '問題が解決していません。', '何度も同じ説明をさせられました。'],
  },
  en: {
    good: ['Quick and helpful, thank you.', 'Clear explanation, solved right away.', 'Great support as always.'],
    bad: ['Took far too long to get an answer.', 'The problem is not solved.', 'I had to explain the issue several times.'],
  },
};

/** The support team answering tickets in each language. */
export const SUPPORT_AGENTS: Readonly<Record<Language, readonly string[]>> = {
  ja: ['鈴木 美咲', '高橋 大輔', '伊藤 さくら'],
  en: ['Alex Kim', 'Jordan Lee', 'Priya Shah'],
};
