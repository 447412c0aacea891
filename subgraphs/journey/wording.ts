import type { CourseLevel, Persona, Segment } from './model';

/** How reasons and evidence name things, so every sentence says them the same way. */

const PERSONA_NAMES: Record<Persona, [one: string, many: string]> = {
  ADMIN: ['admin', 'admins'],
  CHAMPION: ['champion', 'champions'],
  EXECUTIVE: ['executive', 'executives'],
  DEVELOPER: ['developer', 'developers'],
  END_USER: ['end user', 'end users'],
};

const SEGMENT_NAMES: Record<Segment, string> = { ENTERPRISE: 'enterprise', MID_MARKET: 'mid-market', SMB: 'SMB' };

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `admins`: a persona as a group. */
export const personaGroup = (persona: Persona): string => PERSONA_NAMES[persona][1];

/** `14 other admins`, `1 other admin`. */
export function otherPeers(count: number, persona: Persona): string {
  const [one, many] = PERSONA_NAMES[persona];
  return `${count} other ${count === 1 ? one : many}`;
}

export const segmentName = (segment: Segment): string => SEGMENT_NAMES[segment];

export const levelName = (level: CourseLevel): string => level.toLowerCase();

/** The language of a BCP 47 locale: `ja` for `ja-JP`. */
export const languageOf = (locale: string): string => locale.split('-')[0]!.toLowerCase();

/**
 * A reason template with its placeholders filled. Null when one of them has no value for this
 * user or item (no renewal date, say): the rule then makes no claim rather than an untrue one.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number | null | undefined>>): string | null {
  let isComplete = true;
  const text = template.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === null || value === undefined) {
      isComplete = false;
      return '';
    }
    return String(value);
  });
  return isComplete ? text : null;
}
