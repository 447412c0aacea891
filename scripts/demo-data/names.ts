import type { AccountOwner, Persona } from '../../subgraphs/accounts/model';

/** Two languages the demo data is written in; locales map onto them. */
export type Language = 'ja' | 'en';

/** A word as shown to people, and the ASCII form used in domains and e-mail addresses. */
export interface Word {
  display: string;
  ascii: string;
}

export const INDUSTRIES = [
  'Software',
  'Logistics',
  'Manufacturing',
  'Trading',
  'Food & Beverage',
  'Healthcare',
  'Real Estate',
  'Electronics',
  'Telecommunications',
  'Construction',
  'Pharmaceuticals',
  'Financial Services',
  'Education',
  'Retail',
  'Media',
  'Energy',
  'Travel & Hospitality',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** The second half of a company name; it decides the company's industry. */
export interface BusinessWord extends Word {
  industry: Industry;
}

const word = (display: string, ascii: string): Word => ({ display, ascii });
const business = (display: string, ascii: string, industry: Industry): BusinessWord => ({ display, ascii, industry });

export const JAPANESE_COMPANY_PREFIXES: readonly Word[] = [
  word('さくら', 'sakura'), word('みなと', 'minato'), word('あおば', 'aoba'), word('ひかり', 'hikari'),
  word('北斗', 'hokuto'), word('青空', 'aozora'), word('若葉', 'wakaba'), word('日の出', 'hinode'),
  word('つばさ', 'tsubasa'), word('白鷺', 'shirasagi'), word('紅葉', 'momiji'), word('浪速', 'naniwa'),
  word('葵', 'aoi'), word('大空', 'ozora'), word('光洋', 'koyo'), word('翠', 'midori'),
  word('晴海', 'harumi'), word('港北', 'kohoku'), word('東雲', 'shinonome'), word('銀河', 'ginga'),
  word('花園', 'hanazono'), word('清流', 'seiryu'), word('陽光', 'yoko'), word('虹', 'niji'),
];

export const JAPANESE_BUSINESS_WORDS: readonly BusinessWord[] = [
  business('ロジスティクス', 'logistics', 'Logistics'),
  business('システムズ', 'systems', 'Software'),
  business('製作所', 'seisakusho', 'Manufacturing'),
  business('商事', 'shoji', 'Trading'),
  business('フーズ', 'foods', 'Food & Beverage'),
  business('メディカル', 'medical', 'Healthcare'),
  business('不動産', 'fudosan', 'Real Estate'),
  business('工業', 'kogyo', 'Manufacturing'),
  business('電機', 'denki', 'Electronics'),
  business('ネットワークス', 'networks', 'Telecommunications'),
  business('建設', 'kensetsu', 'Construction'),
  business('製薬', 'seiyaku', 'Pharmaceuticals'),
  business('証券', 'shoken', 'Financial Services'),
  business('エデュケーション', 'education', 'Education'),
  business('リテール', 'retail', 'Retail'),
  business('トラベル', 'travel', 'Travel & Hospitality'),
];

export const ENGLISH_COMPANY_PREFIXES: readonly Word[] = [
  'Northwind', 'Bluefin', 'Harborview', 'Summit', 'Brightline', 'Ironwood', 'Cedarcrest', 'Lumen',
  'Quarry', 'Redwood', 'Silverleaf', 'Meridian', 'Evergreen', 'Kestrel', 'Copperfield', 'Tidewater',
  'Granite', 'Foxglove', 'Stonebridge', 'Halcyon', 'Oakridge', 'Bramble', 'Westerly', 'Larkspur',
].map((name) => word(name, name.toLowerCase()));

export const ENGLISH_BUSINESS_WORDS: readonly BusinessWord[] = [
  business('Analytics', 'analytics', 'Software'),
  business('Labs', 'labs', 'Software'),
  business('Systems', 'systems', 'Software'),
  business('Logistics', 'logistics', 'Logistics'),
  business('Health', 'health', 'Healthcare'),
  business('Financial', 'financial', 'Financial Services'),
  business('Retail', 'retail', 'Retail'),
  business('Robotics', 'robotics', 'Manufacturing'),
  business('Media', 'media', 'Media'),
  business('Energy', 'energy', 'Energy'),
  business('Foods', 'foods', 'Food & Beverage'),
  business('Networks', 'networks', 'Telecommunications'),
  business('Learning', 'learning', 'Education'),
  business('Biosciences', 'biosciences', 'Pharmaceuticals'),
  business('Travel', 'travel', 'Travel & Hospitality'),
];

/** The account every demo walks through; see `pickDemoCustomer`. */
export const SHOWCASE_COMPANY = {
  name: '株式会社さくらロジスティクス',
  domains: ['sakura-logistics.co.jp'],
  industry: 'Logistics',
} as const satisfies { name: string; domains: readonly string[]; industry: Industry };

export const JAPANESE_FAMILY_NAMES: readonly Word[] = [
  word('佐藤', 'sato'), word('鈴木', 'suzuki'), word('高橋', 'takahashi'), word('田中', 'tanaka'),
  word('伊藤', 'ito'), word('渡辺', 'watanabe'), word('山本', 'yamamoto'), word('中村', 'nakamura'),
  word('小林', 'kobayashi'), word('加藤', 'kato'), word('吉田', 'yoshida'), word('山田', 'yamada'),
  word('佐々木', 'sasaki'), word('山口', 'yamaguchi'), word('松本', 'matsumoto'), word('井上', 'inoue'),
  word('木村', 'kimura'), word('林', 'hayashi'), word('清水', 'shimizu'), word('森', 'mori'),
];

export const JAPANESE_GIVEN_NAMES: readonly Word[] = [
  word('花子', 'hanako'), word('太郎', 'taro'), word('翔太', 'shota'), word('陽菜', 'hina'),
  word('大輝', 'daiki'), word('美咲', 'misaki'), word('健太', 'kenta'), word('由美', 'yumi'),
  word('拓也', 'takuya'), word('彩', 'aya'), word('直樹', 'naoki'), word('恵', 'megumi'),
  word('誠', 'makoto'), word('優子', 'yuko'), word('蓮', 'ren'), word('結衣', 'yui'),
  word('悠斗', 'yuto'), word('さくら', 'sakura'), word('亮', 'ryo'), word('真由美', 'mayumi'),
];

export const ENGLISH_FAMILY_NAMES: readonly Word[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Taylor',
  'Clark', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Patel',
  'Nguyen', 'Kim', 'Chen',
].map((name) => word(name, name.toLowerCase())).concat([word("O'Brien", 'obrien')]);

export const ENGLISH_GIVEN_NAMES: readonly Word[] = [
  'Emma', 'Olivia', 'Liam', 'Noah', 'Ava', 'Sophia', 'James', 'Lucas', 'Mia', 'Amelia', 'Ethan',
  'Harper', 'Oliver', 'Grace', 'Daniel', 'Chloe', 'Henry', 'Zoe', 'Samuel', 'Priya',
].map((name) => word(name, name.toLowerCase()));

export const JOB_TITLES: Readonly<Record<Language, Readonly<Record<Persona, readonly string[]>>>> = {
  ja: {
    ADMIN: ['情報システム部 主任', 'システム管理者', '社内SE'],
    CHAMPION: ['業務改革推進リーダー', 'カスタマーサクセス推進担当', 'DX推進室 課長'],
    EXECUTIVE: ['執行役員 CIO', '情報システム部長', '取締役 事業本部長'],
    DEVELOPER: ['ソフトウェアエンジニア', 'データエンジニア', 'バックエンドエンジニア'],
    END_USER: ['営業担当', 'カスタマーサポート', 'マーケティング担当', '経理担当', 'アナリスト'],
  },
  en: {
    ADMIN: ['IT Administrator', 'Systems Administrator', 'Operations Manager'],
    CHAMPION: ['Customer Operations Lead', 'Product Operations Manager', 'Head of Enablement'],
    EXECUTIVE: ['VP of Operations', 'Chief Information Officer', 'Director of Customer Experience'],
    DEVELOPER: ['Software Engineer', 'Senior Backend Engineer', 'Data Engineer'],
    END_USER: ['Account Manager', 'Support Specialist', 'Sales Representative', 'Analyst', 'Marketing Coordinator'],
  },
};

/** A customer-success manager, with the languages they can own accounts in. */
export interface DemoStaffMember extends AccountOwner {
  languages: readonly Language[];
}

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { id: 'staff_yui_tanaka', name: '田中 結衣', email: 'yui.tanaka@customerhub.example', languages: ['ja', 'en'] },
  { id: 'staff_kenji_mori', name: '森 健二', email: 'kenji.mori@customerhub.example', languages: ['ja'] },
  { id: 'staff_emily_carter', name: 'Emily Carter', email: 'emily.carter@customerhub.example', languages: ['en', 'ja'] },
  { id: 'staff_david_okafor', name: 'David Okafor', email: 'david.okafor@customerhub.example', languages: ['en'] },
  { id: 'staff_sofia_rossi', name: 'Sofia Rossi', email: 'sofia.rossi@customerhub.example', languages: ['en'] },
];

export function languageOf(locale: string): Language {
  return locale.startsWith('ja') ? 'ja' : 'en';
}
