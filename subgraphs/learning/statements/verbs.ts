import type { StatementEffect, StatementResult } from './model';

/** ADL's verb vocabulary, as xAPI 1.0.3 names its verbs. */
const ADL_VERBS = 'http://adlnet.gov/expapi/verbs/';

export const VOIDED_VERB = `${ADL_VERBS}voided`;

/** The verbs that change an enrollment; any other verb is stored and changes nothing. */
export const MAPPED_VERBS = {
  completed: `${ADL_VERBS}completed`,
  passed: `${ADL_VERBS}passed`,
  failed: `${ADL_VERBS}failed`,
  progressed: `${ADL_VERBS}progressed`,
  attempted: `${ADL_VERBS}attempted`,
  experienced: `${ADL_VERBS}experienced`,
} as const;

const MAPPED_VERB_IDS = new Set<string>(Object.values(MAPPED_VERBS));

export function isMappedVerb(verbId: string): boolean {
  return MAPPED_VERB_IDS.has(verbId);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The assessment score on the hub's 0–100 scale: `scaled` (−1 to 1) first, else `raw` within
 * `min` and `max`; a raw score without its range says nothing comparable, so it is left out.
 */
export function scoreOf(result: StatementResult): number | null {
  if (result.scoreScaled !== null) return clamp(result.scoreScaled * 100, 0, 100);
  const { scoreRaw: raw, scoreMin: min, scoreMax: max } = result;
  if (raw === null || min === null || max === null || max <= min) return null;
  return clamp(((raw - min) / (max - min)) * 100, 0, 100);
}

/**
 * How much of the course the statement says is done. `completed` and `passed` finish the course
 * (passing a course is finishing it; `failed` is not); so does a result marked complete. Else a
 * progress extension tells, and for `progressed` a scaled score in 0–1 is the progress.
 */
function progressOf(verbId: string, result: StatementResult | null): number | null {
  if (verbId === MAPPED_VERBS.completed || verbId === MAPPED_VERBS.passed) return 1;
  if (!result) return null;
  if (result.completion === true) return 1;
  if (result.progress !== null) return clamp(result.progress, 0, 1);
  if (verbId === MAPPED_VERBS.progressed && result.scoreScaled !== null && result.scoreScaled >= 0) return clamp(result.scoreScaled, 0, 1);
  return null;
}

/**
 * What a statement contributes to its enrollment; null for verbs that change nothing. Every
 * mapped verb enrolls the user and counts as activity, even with no progress or score.
 */
export function effectOf(verbId: string, result: StatementResult | null): StatementEffect | null {
  if (!isMappedVerb(verbId)) return null;
  // For `progressed` the scaled score measures progress, not an assessment.
  const score = result && verbId !== MAPPED_VERBS.progressed ? scoreOf(result) : null;
  return { progress: progressOf(verbId, result), score };
}
