import {
  ENGLISH_FAMILY_NAMES,
  ENGLISH_GIVEN_NAMES,
  JAPANESE_FAMILY_NAMES,
  JAPANESE_GIVEN_NAMES,
  type Language,
  type Word,
} from './names';
import type { Random } from './random';

export interface Person {
  family: Word;
  given: Word;
  /** As the person writes it: family name first in Japanese (`佐藤 花子`), last in English. */
  fullName: string;
}

/** How a company builds the local part of its e-mail addresses. */
export type EmailStyle = 'given.family' | 'family.given' | 'initial-family' | 'initialfamily';

const EMAIL_STYLES: Readonly<Record<Language, readonly EmailStyle[]>> = {
  ja: ['given.family', 'given.family', 'family.given', 'initial-family'],
  en: ['given.family', 'given.family', 'initialfamily'],
};

export function pickEmailStyle(random: Random, language: Language): EmailStyle {
  return random.pick(EMAIL_STYLES[language]);
}

/** A person whose full name is not yet in `takenNames`, when the name lists allow it. */
export function pickPerson(random: Random, language: Language, takenNames: Set<string>): Person {
  const [families, givens] =
    language === 'ja' ? [JAPANESE_FAMILY_NAMES, JAPANESE_GIVEN_NAMES] : [ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES];
  let person = makePerson(random.pick(families), random.pick(givens), language);
  for (let attempt = 0; attempt < 20 && takenNames.has(person.fullName); attempt++) {
    person = makePerson(random.pick(families), random.pick(givens), language);
  }
  takenNames.add(person.fullName);
  return person;
}

function makePerson(family: Word, given: Word, language: Language): Person {
  const fullName = language === 'ja' ? `${family.display} ${given.display}` : `${given.display} ${family.display}`;
  return { family, given, fullName };
}

/** A lower-cased address not yet in `takenEmails`; namesakes get a number (`hanako.sato2@`). */
export function claimEmail(person: Person, style: EmailStyle, domain: string, takenEmails: Set<string>): string {
  const local = localPart(person, style);
  let email = `${local}@${domain}`;
  for (let suffix = 2; takenEmails.has(email); suffix++) email = `${local}${suffix}@${domain}`;
  takenEmails.add(email);
  return email;
}

function localPart({ family, given }: Person, style: EmailStyle): string {
  switch (style) {
    case 'given.family':
      return `${given.ascii}.${family.ascii}`;
    case 'family.given':
      return `${family.ascii}.${given.ascii}`;
    case 'initial-family':
      return `${given.ascii.charAt(0)}-${family.ascii}`;
    case 'initialfamily':
      return `${given.ascii.charAt(0)}${family.ascii}`;
  }
}
