import {
  ENGLISH_BUSINESS_WORDS,
  ENGLISH_COMPANY_PREFIXES,
  JAPANESE_BUSINESS_WORDS,
  JAPANESE_COMPANY_PREFIXES,
  SHOWCASE_COMPANY,
  languageOf,
  type BusinessWord,
  type Industry,
  type Word,
} from './names';
import type { Random } from './random';

export interface Company {
  name: string;
  /** Lower-cased and unique across companies; the first is the main one. */
  domains: [string, ...string[]];
  industry: Industry;
  locale: string;
}

type Combination = readonly [prefix: Word, business: BusinessWord];

/**
 * Names companies for the given locales, one per entry. The first entry is always the showcase
 * company, whatever its locale says, so the demo walk-through stays the same for every seed.
 */
export function nameCompanies(random: Random, locales: readonly string[]): Company[] {
  const takenKeys = new Set<string>(SHOWCASE_COMPANY.domains.map(companyKey));
  const combinations = {
    ja: orderCombinations(random, JAPANESE_COMPANY_PREFIXES, JAPANESE_BUSINESS_WORDS),
    en: orderCombinations(random, ENGLISH_COMPANY_PREFIXES, ENGLISH_BUSINESS_WORDS),
  };
  const showcase: Company = { ...SHOWCASE_COMPANY, domains: [...SHOWCASE_COMPANY.domains], locale: 'ja-JP' };

  // Large (benchmark) datasets outgrow the word lists; then the names repeat with a number.
  const generation = { ja: 1, en: 1 };
  const nextCombination = (language: 'ja' | 'en'): Combination => {
    if (combinations[language].length === 0) {
      generation[language] += 1;
      combinations[language] =
        language === 'ja'
          ? orderCombinations(random, JAPANESE_COMPANY_PREFIXES, JAPANESE_BUSINESS_WORDS)
          : orderCombinations(random, ENGLISH_COMPANY_PREFIXES, ENGLISH_BUSINESS_WORDS);
    }
    return combinations[language].shift() as Combination;
  };

  return [
    showcase,
    ...locales.slice(1).map((locale) => {
      const language = languageOf(locale);
      for (;;) {
        const [prefix, business] = nextCombination(language);
        const company = describeCompany(random, [prefix, numbered(business, generation[language], language)], locale);
        const keys = company.domains.map(companyKey);
        if (keys.every((key) => !takenKeys.has(key))) {
          keys.forEach((key) => takenKeys.add(key));
          return company;
        }
      }
    }),
  ];
}

/** The business word of the n-th generation of names: "Analytics 2", 「物流2」. */
function numbered(business: BusinessWord, generation: number, language: 'ja' | 'en'): BusinessWord {
  if (generation === 1) return business;
  const display = language === 'ja' ? `${business.display}${generation}` : `${business.display} ${generation}`;
  return { ...business, display, ascii: `${business.ascii}${generation}` };
}

/**
 * `sakura-logistics.co.jp` and `sakuralogistics.com` name the same company, so neither may be
 * reused by another one.
 */
function companyKey(domain: string): string {
  return (domain.split('.')[0] ?? domain).replaceAll('-', '');
}

/**
 * Every prefix appears once before any appears twice, so small datasets have no two companies
 * sharing the first half of their name.
 */
function orderCombinations(random: Random, prefixes: readonly Word[], businesses: readonly BusinessWord[]): Combination[] {
  const shuffledPrefixes = random.shuffle(prefixes);
  const offsets = shuffledPrefixes.map(() => random.int(0, businesses.length - 1));
  const combinations: Combination[] = [];
  for (let round = 0; round < businesses.length; round++) {
    shuffledPrefixes.forEach((prefix, index) => {
      const business = businesses[((offsets[index] ?? 0) + round) % businesses.length];
      if (business) combinations.push([prefix, business]);
    });
  }
  return combinations;
}

function describeCompany(random: Random, [prefix, business]: Combination, locale: string): Company {
  return languageOf(locale) === 'ja'
    ? describeJapaneseCompany(random, prefix, business, locale)
    : describeEnglishCompany(random, prefix, business, locale);
}

function describeJapaneseCompany(random: Random, prefix: Word, business: BusinessWord, locale: string): Company {
  const brand = `${prefix.display}${business.display}`;
  const stem = `${prefix.ascii}-${business.ascii}`;
  const domains: Company['domains'] = [`${stem}${random.chance(0.8) ? '.co.jp' : '.jp'}`];
  if (random.chance(0.2)) domains.push(`${prefix.ascii}${business.ascii}.com`);
  return {
    name: random.chance(0.7) ? `株式会社${brand}` : `${brand}株式会社`,
    domains,
    industry: business.industry,
    locale,
  };
}

function describeEnglishCompany(random: Random, prefix: Word, business: BusinessWord, locale: string): Company {
  const stem = random.chance(0.5) ? `${prefix.ascii}${business.ascii}` : `${prefix.ascii}-${business.ascii}`;
  const [main, other] = business.industry === 'Software' && random.chance(0.5) ? ['.io', '.com'] : ['.com', '.io'];
  const domains: Company['domains'] = [`${stem}${main}`];
  if (random.chance(0.2)) domains.push(`${stem}${other}`);
  const legalSuffix = locale === 'en-GB' ? ' Ltd' : ' Inc.';
  return {
    name: `${prefix.display} ${business.display}${random.chance(0.4) ? legalSuffix : ''}`,
    domains,
    industry: business.industry,
    locale,
  };
}
