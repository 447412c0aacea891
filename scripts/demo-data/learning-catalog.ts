import type {
  BadgeDocument,
  CourseDocument,
  CourseLevel,
  LearningPathDocument,
  QuestDocument,
  QuestGoal,
} from '../../subgraphs/learning/model';
import { daysAfter, daysBefore } from './dates';

/**
 * The demo course catalog: the same at every scale, half Japanese and half English, the two
 * halves covering the same topics so that both kinds of customer find their way.
 */
export interface LearningCatalog {
  badges: BadgeDocument[];
  courses: CourseDocument[];
  paths: LearningPathDocument[];
  quests: QuestDocument[];
}

type ModulePlan = readonly [title: string, minutes: number];

interface CoursePlan {
  title: string;
  description: string;
  level: CourseLevel;
  tags: readonly string[];
  locale: 'ja-JP' | 'en-US';
  xp: number;
  modules: readonly ModulePlan[];
  badge?: string;
  /** Imported from the LMS, so it carries an external id. */
  lmsId?: string;
}

const JAPANESE_COURSES: readonly CoursePlan[] = [
  { title: 'はじめてのCustomer Hub：基本操作ガイド', description: 'ログインからアカウント画面の見方まで、最初の一週間に必要な操作を学びます。', level: 'BEGINNER', tags: ['onboarding', 'basics'], locale: 'ja-JP', xp: 100, lmsId: 'LMS-1001', modules: [['ログインと画面構成', 10], ['アカウント情報の確認', 15], ['通知の受け取り方', 10]] },
  { title: 'Salesforce連携の設定入門', description: 'Salesforceの取引先とCustomer Hubのアカウントを同期する設定を、手順どおりに進めます。', level: 'INTERMEDIATE', tags: ['integrations', 'salesforce'], locale: 'ja-JP', xp: 150, badge: 'bdg_001', lmsId: 'LMS-1002', modules: [['連携の仕組み', 10], ['接続アプリの作成', 20], ['項目マッピング', 20], ['同期エラーの対処', 15]] },
  { title: '請求書をCSVでエクスポートする方法', description: '請求データをCSVで書き出し、会計ソフトに取り込むまでの流れを説明します。', level: 'BEGINNER', tags: ['billing', 'reporting'], locale: 'ja-JP', xp: 50, lmsId: 'LMS-1003', modules: [['エクスポート画面', 5], ['文字コードと区切り文字', 10]] },
  { title: 'ダッシュボードとレポート作成', description: '利用状況やヘルススコアをまとめたダッシュボードを作り、チームで共有します。', level: 'INTERMEDIATE', tags: ['reporting', 'analytics'], locale: 'ja-JP', xp: 150, modules: [['ウィジェットの種類', 15], ['フィルターと期間', 15], ['共有と定期配信', 15]] },
  { title: 'ユーザー管理と権限設定', description: 'ユーザーの招待、ロールの割り当て、退職者のアカウント停止を安全に行います。', level: 'BEGINNER', tags: ['admin', 'security'], locale: 'ja-JP', xp: 100, lmsId: 'LMS-1005', modules: [['ユーザーの招待', 10], ['ロールと権限', 20], ['アカウントの停止', 10]] },
  { title: 'SSO（SAML）の構成', description: 'Azure ADやOktaとSAMLでシングルサインオンを構成し、ログインを一元管理します。', level: 'ADVANCED', tags: ['admin', 'security', 'sso'], locale: 'ja-JP', xp: 250, modules: [['SAMLの基礎', 15], ['IdPの設定', 25], ['属性マッピング', 20], ['トラブルシューティング', 20]] },
  { title: 'APIとWebhookで業務を自動化する', description: 'REST APIとWebhookを使って、社内システムとのデータ連携を自動化します。', level: 'ADVANCED', tags: ['developers', 'api', 'automation'], locale: 'ja-JP', xp: 300, modules: [['認証とトークン', 20], ['主要なエンドポイント', 30], ['Webhookの署名検証', 25], ['再試行と冪等性', 25]] },
  { title: 'ヘルススコアの読み方と活用', description: 'ヘルススコアの内訳を読み解き、解約の兆しに早く気づくための使い方を学びます。', level: 'INTERMEDIATE', tags: ['analytics', 'customer-success'], locale: 'ja-JP', xp: 150, modules: [['スコアの構成要素', 15], ['変化の理由を読む', 15], ['アラートの設定', 10]] },
  { title: 'Slack通知の設定', description: '重要な変化をSlackのチャンネルに通知する設定を行います。', level: 'BEGINNER', tags: ['integrations', 'slack', 'notifications'], locale: 'ja-JP', xp: 50, modules: [['ワークスペースの接続', 10], ['通知ルール', 10]] },
  { title: 'データ移行のベストプラクティス', description: '既存システムからのデータ移行を計画し、重複なく取り込むための手順を学びます。', level: 'ADVANCED', tags: ['admin', 'data'], locale: 'ja-JP', xp: 250, modules: [['移行計画', 20], ['名寄せと重複排除', 25], ['検証と切り替え', 20]] },
];

const ENGLISH_COURSES: readonly CoursePlan[] = [
  { title: 'Getting Started with Customer Hub', description: 'Everything you need in your first week: signing in, reading your account page and getting notified.', level: 'BEGINNER', tags: ['onboarding', 'basics'], locale: 'en-US', xp: 100, lmsId: 'LMS-2001', modules: [['Signing in and finding your way', 10], ['Your account at a glance', 15], ['Notifications', 10]] },
  { title: 'Connecting Salesforce: Setup Basics', description: 'Sync Salesforce accounts with Customer Hub step by step, from the connected app to field mappings.', level: 'INTERMEDIATE', tags: ['integrations', 'salesforce'], locale: 'en-US', xp: 150, lmsId: 'LMS-2002', modules: [['How the sync works', 10], ['Creating the connected app', 20], ['Mapping fields', 20], ['Fixing sync errors', 15]] },
  { title: 'Exporting Invoices to CSV', description: 'Export billing data as CSV and import it into your accounting software.', level: 'BEGINNER', tags: ['billing', 'reporting'], locale: 'en-US', xp: 50, modules: [['The export screen', 5], ['Encodings and delimiters', 10]] },
  { title: 'Building Dashboards and Reports', description: 'Build a dashboard of usage and health, filter it, and share it with your team on a schedule.', level: 'INTERMEDIATE', tags: ['reporting', 'analytics'], locale: 'en-US', xp: 150, badge: 'bdg_006', modules: [['Widget types', 15], ['Filters and periods', 15], ['Sharing and scheduled delivery', 15]] },
  { title: 'Managing Users and Permissions', description: 'Invite users, assign roles and deactivate leavers safely.', level: 'BEGINNER', tags: ['admin', 'security'], locale: 'en-US', xp: 100, lmsId: 'LMS-2005', modules: [['Inviting users', 10], ['Roles and permissions', 20], ['Deactivating accounts', 10]] },
  { title: 'Configuring SSO with SAML', description: 'Set up single sign-on with Azure AD or Okta over SAML and manage sign-in in one place.', level: 'ADVANCED', tags: ['admin', 'security', 'sso'], locale: 'en-US', xp: 250, modules: [['SAML basics', 15], ['Configuring the IdP', 25], ['Attribute mapping', 20], ['Troubleshooting', 20]] },
  { title: 'Automating Workflows with the API and Webhooks', description: 'Use the REST API and signed webhooks to keep your internal systems in sync automatically.', level: 'ADVANCED', tags: ['developers', 'api', 'automation'], locale: 'en-US', xp: 300, badge: 'bdg_002', modules: [['Authentication and tokens', 20], ['Key endpoints', 30], ['Verifying webhook signatures', 25], ['Retries and idempotency', 25]] },
  { title: 'Understanding Health Scores', description: 'Read the components of a health score and spot churn risk early.', level: 'INTERMEDIATE', tags: ['analytics', 'customer-success'], locale: 'en-US', xp: 150, modules: [['What a score is made of', 15], ['Why it changed', 15], ['Setting up alerts', 10]] },
  { title: 'Data Migration Best Practices', description: 'Plan a migration from your previous system and import it without duplicates.', level: 'ADVANCED', tags: ['admin', 'data'], locale: 'en-US', xp: 250, modules: [['Planning the migration', 20], ['Matching and de-duplication', 25], ['Verifying and switching over', 20]] },
  { title: 'Working with Japanese Teams: 日本語 Portal Setup', description: 'Configure the customer portal for Japanese-speaking teams: locale, date formats and notifications.', level: 'INTERMEDIATE', tags: ['admin', 'localization'], locale: 'en-US', xp: 100, modules: [['Locale settings', 10], ['Dates, names and honorifics', 15], ['Bilingual notifications', 10]] },
];

const BADGES: ReadonlyArray<Omit<BadgeDocument, 'createdAt'>> = [
  { _id: 'bdg_001', name: 'Salesforce連携エキスパート', description: 'Salesforce連携の設定入門を修了しました。', isCertification: false },
  { _id: 'bdg_002', name: 'API Automation Expert', description: 'Completed Automating Workflows with the API and Webhooks.', isCertification: false },
  { _id: 'bdg_003', name: '認定管理者', description: '管理者認定コースのすべてのコースを修了しました。', isCertification: true },
  { _id: 'bdg_004', name: '認定連携スペシャリスト', description: '連携スペシャリストコースのすべてのコースを修了しました。', isCertification: true },
  { _id: 'bdg_005', name: 'Certified Administrator', description: 'Completed every course of the Administrator Certification path.', isCertification: true },
  { _id: 'bdg_006', name: 'Dashboard Builder', description: 'Completed Building Dashboards and Reports.', isCertification: false },
  { _id: 'bdg_007', name: 'Quick Learner', description: 'Completed three courses.', isCertification: false },
  { _id: 'bdg_008', name: '学習スタートダッシュ', description: '最初のコースを修了しました。', isCertification: false },
];

interface PathPlan {
  title: string;
  description: string;
  locale: string;
  courseNumbers: readonly number[];
  badgeId: string | null;
}

const PATHS: readonly PathPlan[] = [
  { title: '管理者認定コース', description: 'ユーザー管理からSSO、データ移行まで、管理者に必要な知識を体系的に学びます。', locale: 'ja-JP', courseNumbers: [1, 5, 6, 10], badgeId: 'bdg_003' },
  { title: '連携スペシャリスト', description: 'Slack、Salesforce、APIとの連携を設定し、業務を自動化できるようになります。', locale: 'ja-JP', courseNumbers: [9, 2, 7], badgeId: 'bdg_004' },
  { title: 'Administrator Certification', description: 'From users and roles to SSO and data migration: what every administrator needs to know.', locale: 'en-US', courseNumbers: [11, 15, 16, 19], badgeId: 'bdg_005' },
  { title: 'Reporting and Analytics', description: 'Export data, build dashboards and read health scores to steer your adoption.', locale: 'en-US', courseNumbers: [13, 14, 18], badgeId: null },
];

interface QuestPlan {
  title: string;
  description: string;
  locale: string;
  goal: QuestGoal;
  rewardXp: number;
  rewardBadgeId: string | null;
}

const QUESTS: readonly QuestPlan[] = [
  { title: 'はじめの一歩：コースを1つ修了しよう', description: 'どのコースでも構いません。最初のコースを修了して学習を始めましょう。', locale: 'ja-JP', goal: { kind: 'COMPLETE_COURSES', courseCount: 1 }, rewardXp: 50, rewardBadgeId: 'bdg_008' },
  { title: 'Complete three courses', description: 'Any three courses count. Build the habit and earn the Quick Learner badge.', locale: 'en-US', goal: { kind: 'COMPLETE_COURSES', courseCount: 3 }, rewardXp: 100, rewardBadgeId: 'bdg_007' },
  { title: '管理者認定コースを修了しよう', description: '管理者認定コースの4つのコースをすべて修了すると、ボーナスXPを獲得できます。', locale: 'ja-JP', goal: { kind: 'COMPLETE_LEARNING_PATH', learningPathId: 'lpt_001' }, rewardXp: 200, rewardBadgeId: null },
  { title: 'Finish the Reporting and Analytics path', description: 'Complete every course of the Reporting and Analytics path for bonus XP.', locale: 'en-US', goal: { kind: 'COMPLETE_LEARNING_PATH', learningPathId: 'lpt_004' }, rewardXp: 150, rewardBadgeId: null },
];

/** Catalog records are numbered from one: `crs_001`, `lpt_001`, `qst_001`. */
export function catalogId(prefix: 'crs' | 'lpt' | 'qst', number: number): string {
  return `${prefix}_${String(number).padStart(3, '0')}`;
}

const CATALOG_AGE_DAYS = 1_400;

/**
 * The catalog with dates relative to `now`: courses were published one after another over the
 * last four years, so early customers enrolled in fewer of them. Enrollment counts start at zero.
 */
export function buildLearningCatalog(now: Date): LearningCatalog {
  const launched = daysBefore(now, CATALOG_AGE_DAYS);
  const courses = [...JAPANESE_COURSES, ...ENGLISH_COURSES].map((plan, index): CourseDocument => {
    const createdAt = daysAfter(launched, (index % 10) * 120 + Math.floor(index / 10) * 7);
    const lmsIds = plan.lmsId ? [{ source: 'lms', id: plan.lmsId }] : [];
    return {
      _id: catalogId('crs', index + 1),
      title: plan.title,
      description: plan.description,
      level: plan.level,
      tags: [...plan.tags],
      locale: plan.locale,
      modules: plan.modules.map(([title, minutes], moduleIndex) => ({ id: `m${moduleIndex + 1}`, title, estimatedMinutes: minutes })),
      estimatedMinutes: plan.modules.reduce((sum, [, minutes]) => sum + minutes, 0),
      completionXp: plan.xp,
      badgeId: plan.badge ?? null,
      enrollmentCount: 0,
      externalIds: lmsIds,
      ...(lmsIds.length ? { externalKeys: lmsIds.map(({ source, id }) => `${source}:${id}`) } : {}),
      syncedAt: lmsIds.length ? daysBefore(now, 1) : null,
      createdAt,
      updatedAt: daysAfter(createdAt, 30),
    };
  });
  const paths = PATHS.map((plan, index): LearningPathDocument => ({
    _id: catalogId('lpt', index + 1),
    title: plan.title,
    description: plan.description,
    locale: plan.locale,
    courseIds: plan.courseNumbers.map((number) => catalogId('crs', number)),
    badgeId: plan.badgeId,
    createdAt: launched,
    updatedAt: daysBefore(now, 60),
  }));
  const quests = QUESTS.map((plan, index): QuestDocument => ({ _id: catalogId('qst', index + 1), ...plan, createdAt: launched, updatedAt: launched }));
  const badges = BADGES.map((badge): BadgeDocument => ({ ...badge, createdAt: launched }));
  return { badges, courses, paths, quests };
}
