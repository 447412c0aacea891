import type { Document } from 'mongodb';
import { isPlainObject } from './clone';

/** A field path with the condition the filter sets on it, e.g. `['profile.tier', {$in: [...]}]`. */
export type FieldCondition = readonly [path: string, condition: unknown];

/**
 * The field conditions every matching document must satisfy: the filter's own fields plus
 * those inside a top-level `$and` (MongoDB flattens that too). `$or`/`$nor` branches are left
 * out because no single one of them is required.
 */
export function requiredFieldConditions(filter: Document): FieldCondition[] {
  const conditions: FieldCondition[] = [];
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) {
        if (isPlainObject(clause)) conditions.push(...requiredFieldConditions(clause));
      }
    } else if (!path.startsWith('$')) {
      conditions.push([path, condition]);
    }
  }
  return conditions;
}

/** `{$gt: 1}` is an operator expression; `{city: 'Oslo'}` and `'Oslo'` are values to equal. */
export function isOperatorExpression(condition: unknown): condition is Record<string, unknown> {
  if (!isPlainObject(condition)) return false;
  const firstKey = Object.keys(condition)[0];
  return firstKey !== undefined && firstKey.startsWith('$');
}

/**
 * The value a condition requires by equality (`'x'` or `{$eq: 'x'}`), as MongoDB copies into an
 * upserted document; undefined when the condition is not an equality (a regex is a match).
 */
export function equalityValue(condition: unknown): { value: unknown } | undefined {
  if (condition instanceof RegExp) return undefined;
  if (!isOperatorExpression(condition)) return { value: condition };
  if (Object.hasOwn(condition, '$eq') && !(condition.$eq instanceof RegExp)) return { value: condition.$eq };
  return undefined;
}
