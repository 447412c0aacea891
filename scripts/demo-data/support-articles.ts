import type { ArticleDocument, ArticleVisibility } from '../../subgraphs/support/model';
import { daysBefore } from './dates';
import type { Random } from './random';

interface ArticlePlan {
  title: string;
  section: string;
  labels: string[];
  steps: string[];
  visibility?: ArticleVisibility;
}

const HELP_CENTER_URL = 'https://help.customerhub.example/hc';

/** Help-center articles in Japanese, some with Latin product names mixed in, as real ones are. */
const JAPANESE_ARTICLES: readonly ArticlePlan[] = [
  { title: '請求書をCSVでエクスポートする方法', section: 'billing', labels: ['csv', 'export', 'invoice'], steps: ['管理画面の「請求」を開きます。', '期間を選び「CSVでエクスポート」を押します。', '文字コードはUTF-8（BOM付き）です。Excelでもそのまま開けます。'] },
  { title: 'Salesforce連携の設定', section: 'integrations', labels: ['salesforce', 'integration', 'crm'], steps: ['「連携」から Salesforce を選びます。', '管理者権限のある Salesforce ユーザーで認証します。', '同期する項目を選び、初回同期を開始します。'] },
  { title: 'SSO（SAML）でログインできるようにする', section: 'account-security', labels: ['sso', 'saml'], steps: ['IdP にアプリを登録し、メタデータXMLを取得します。', '「セキュリティ」→「SSO」にメタデータをアップロードします。', 'テストユーザーでログインを確認してから全員に適用します。'] },
  { title: 'はじめての管理者ガイド', section: 'getting-started', labels: ['admin', 'onboarding'], steps: ['組織のプロフィールを設定します。', 'チームメンバーを招待します。', '最初のダッシュボードを作成します。'] },
  { title: 'ユーザーを招待して権限を設定する', section: 'getting-started', labels: ['users', 'permissions'], steps: ['「ユーザー」→「招待」を押します。', 'メールアドレスとロール（管理者・編集者・閲覧者）を選びます。', '招待メールの有効期限は7日間です。'] },
  { title: '支払い方法を変更する', section: 'billing', labels: ['payment', 'credit-card'], steps: ['「請求」→「支払い方法」を開きます。', '新しいクレジットカードを登録します。', '請求書払いへの切り替えは担当CSMにご相談ください。'] },
  { title: 'Slack通知を設定する', section: 'integrations', labels: ['slack', 'notifications'], steps: ['「連携」から Slack を選び、ワークスペースを認証します。', '通知するチャンネルとイベントを選びます。'] },
  { title: 'ダッシュボードをカスタマイズする', section: 'getting-started', labels: ['dashboard'], steps: ['ダッシュボード右上の「編集」を押します。', 'ウィジェットをドラッグして並べ替えます。'] },
  { title: 'APIトークンの発行と管理', section: 'integrations', labels: ['api', 'token'], steps: ['「開発者設定」→「APIトークン」を開きます。', '用途ごとにトークンを発行し、不要になったら無効化します。'] },
  { title: '二要素認証（2FA）を有効にする', section: 'account-security', labels: ['2fa', 'security'], steps: ['「個人設定」→「セキュリティ」を開きます。', '認証アプリでQRコードを読み取ります。', 'バックアップコードを安全な場所に保管します。'] },
  { title: 'CSV・Excelからデータをインポートする', section: 'data', labels: ['csv', 'import'], steps: ['テンプレートをダウンロードします。', '列名を変えずにデータを入力します。', '「インポート」からファイルを選びます。'] },
  { title: 'ログインできないときの対処法', section: 'troubleshooting', labels: ['login', 'password'], steps: ['パスワードをリセットします。', 'SSO をご利用の場合は IdP の設定をご確認ください。'] },
  { title: 'レポートが表示されない場合の確認事項', section: 'troubleshooting', labels: ['reports'], steps: ['期間とフィルターを確認します。', 'データの同期が完了しているか「連携」画面で確認します。'] },
  { title: '【社内】P1チケットのエスカレーション手順', section: 'playbooks', labels: ['escalation', 'p1'], visibility: 'INTERNAL', steps: ['15分以内に一次回答します。', '開発オンコールに Slack #incident で連絡します。', '担当CSMに状況を共有します。'] },
  { title: '【社内】解約リスク顧客への一次対応テンプレート', section: 'playbooks', labels: ['churn', 'template'], visibility: 'INTERNAL', steps: ['CSMと対応方針を合わせます。', '謝罪と今後の対応スケジュールを明記します。'] },
];

const ENGLISH_ARTICLES: readonly ArticlePlan[] = [
  { title: 'How to export invoices as CSV', section: 'billing', labels: ['csv', 'export', 'invoice'], steps: ['Open Billing in the admin console.', 'Pick a period and choose Export as CSV.', 'Files are UTF-8 with a BOM, so Excel opens them as they are.'] },
  { title: 'Setting up the Salesforce integration', section: 'integrations', labels: ['salesforce', 'integration', 'crm'], steps: ['Open Integrations and choose Salesforce.', 'Sign in with a Salesforce user that has admin rights.', 'Pick the fields to sync and start the first sync.'] },
  { title: 'Configure single sign-on with SAML', section: 'account-security', labels: ['sso', 'saml'], steps: ['Register the app in your IdP and download its metadata XML.', 'Upload the metadata under Security → SSO.', 'Test with one user before enforcing SSO for everyone.'] },
  { title: 'Getting started for administrators', section: 'getting-started', labels: ['admin', 'onboarding'], steps: ['Fill in your organization profile.', 'Invite your team.', 'Build your first dashboard.'] },
  { title: 'Invite users and assign roles', section: 'getting-started', labels: ['users', 'permissions'], steps: ['Go to Users → Invite.', 'Enter e-mail addresses and pick a role (admin, editor, viewer).', 'Invitations expire after seven days.'] },
  { title: 'Update your payment method', section: 'billing', labels: ['payment', 'credit-card'], steps: ['Open Billing → Payment method.', 'Add the new card.', 'To pay by invoice instead, ask your CSM.'] },
  { title: 'Send notifications to Slack', section: 'integrations', labels: ['slack', 'notifications'], steps: ['Open Integrations, choose Slack and authorize your workspace.', 'Pick the channels and events to notify.'] },
  { title: 'Customize your dashboard', section: 'getting-started', labels: ['dashboard'], steps: ['Choose Edit at the top right of a dashboard.', 'Drag widgets to rearrange them.'] },
  { title: 'Create and manage API tokens', section: 'integrations', labels: ['api', 'token'], steps: ['Open Developer settings → API tokens.', 'Create one token per use and revoke those you no longer need.'] },
  { title: 'Turn on two-factor authentication', section: 'account-security', labels: ['2fa', 'security'], steps: ['Open Profile → Security.', 'Scan the QR code with an authenticator app.', 'Keep the backup codes somewhere safe.'] },
  { title: 'Import data from CSV or Excel', section: 'data', labels: ['csv', 'import'], steps: ['Download the template.', 'Fill in your data without renaming columns.', 'Choose Import and select the file.'] },
  { title: 'Troubleshooting sign-in problems', section: 'troubleshooting', labels: ['login', 'password'], steps: ['Reset your password.', 'If you use SSO, check the settings in your IdP.'] },
  { title: 'Why is my report empty?', section: 'troubleshooting', labels: ['reports'], steps: ['Check the period and filters.', 'Check under Integrations that the last sync finished.'] },
  { title: '[Internal] P1 escalation playbook', section: 'playbooks', labels: ['escalation', 'p1'], visibility: 'INTERNAL', steps: ['Answer within 15 minutes.', 'Page the engineering on-call in #incident.', 'Keep the account\'s CSM informed.'] },
  { title: '[Internal] First reply to an at-risk customer', section: 'playbooks', labels: ['churn', 'template'], visibility: 'INTERNAL', steps: ['Agree on the approach with the CSM.', 'Apologize and give a schedule for the next steps.'] },
];

function bodyOf(plan: ArticlePlan): string {
  return [`# ${plan.title}`, '', ...plan.steps.map((step, index) => `${index + 1}. ${step}`)].join('\n');
}

/**
 * The help center: the same topics in Japanese and English, a few internal playbooks among them.
 * Public articles come from the help desk (with its ids); internal ones were written in the hub.
 */
export function generateArticles(random: Random, now: Date): ArticleDocument[] {
  const plans = [...JAPANESE_ARTICLES.map((plan) => ({ plan, locale: 'ja-JP' })), ...ENGLISH_ARTICLES.map((plan) => ({ plan, locale: 'en-US' }))];
  return plans.map(({ plan, locale }, index): ArticleDocument => {
    const number = index + 1;
    const isPublic = (plan.visibility ?? 'PUBLIC') === 'PUBLIC';
    const createdAt = random.dateBetween(daysBefore(now, 720), daysBefore(now, 60));
    const updatedAt = random.dateBetween(createdAt, daysBefore(now, 1));
    const zendeskId = `4400${String(number).padStart(8, '0')}`;
    const externalIds = isPublic ? [{ source: 'zendesk', id: zendeskId }] : [];
    return {
      _id: `art_${String(number).padStart(4, '0')}`,
      title: plan.title,
      body: bodyOf(plan),
      locale,
      section: plan.section,
      labels: [...plan.labels],
      url: isPublic ? `${HELP_CENTER_URL}/${locale.toLowerCase()}/articles/${zendeskId}` : null,
      visibility: plan.visibility ?? 'PUBLIC',
      viewCount: isPublic ? random.int(80, 6_000) : random.int(3, 120),
      createdAt,
      updatedAt,
      externalIds,
      ...(isPublic ? { externalKeys: [`zendesk:${zendeskId}`] } : {}),
      syncedAt: isPublic ? random.dateBetween(updatedAt, now) : null,
    };
  });
}
