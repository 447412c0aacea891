import type { Document } from 'mongodb';
import type { DocumentTable } from './document-table';
import type { CollectionIndex } from './indexes';
import { equalityValue, isOperatorExpression, requiredFieldConditions, type FieldCondition } from './filter-conditions';
import type { Bound } from './sorted-date-keys';
import { isIndexableScalar, valueKey } from './value-keys';

/**
 * The stored documents a filter can possibly match. `{_id: x}` and `{_id: {$in: [...]}}` come
 * straight from the id map; otherwise, of the equality or `$in` conditions on the first field of
 * an index, or of the date ranges on one, the one matching the fewest documents picks the
 * candidates (counting is cheap, and a condition on a common status must not win over one on an
 * account); with none, every document.
 * Callers still test the whole filter on each candidate.
 */
export function candidateDocuments(table: DocumentTable, filter: Document): Iterable<Document> {
  const conditions = requiredFieldConditions(filter);
  const idCondition = conditions.find(([path]) => path === '_id');
  const ids = idCondition ? lookupValues(idCondition[1]) : undefined;
  if (ids) return documentsWithIds(table, ids);

  let narrowest: { index: CollectionIndex; keys: string[]; count: number } | undefined;
  for (const [path, condition] of conditions) {
    const values = lookupValues(condition);
    if (!values) continue;
    const keys = values.map(valueKey);
    for (const index of table.indexes()) {
      if (index.firstField !== path) continue;
      const count = keys.reduce((sum, key) => sum + index.countWithFirstFieldKey(key), 0);
      if (!narrowest || count < narrowest.count) narrowest = { index, keys, count };
      break;
    }
  }
  const range = narrowestDateRange(table, conditions);
  if (range && (!narrowest || range.length < narrowest.count)) return documentsWithIdKeys(table, new Set(range));
  if (!narrowest) return table.documents();
  const matchingIds = new Set<string>();
  for (const key of narrowest.keys) for (const id of narrowest.index.idsWithFirstFieldKey(key)) matchingIds.add(id);
  return documentsWithIdKeys(table, matchingIds);
}

/** Of the date ranges on the first field of an index, the ids of the one matching the fewest documents. */
function narrowestDateRange(table: DocumentTable, conditions: readonly FieldCondition[]): string[] | undefined {
  let narrowest: string[] | undefined;
  for (const [path, condition] of conditions) {
    const range = dateRangeOf(condition);
    if (!range) continue;
    for (const index of table.indexes()) {
      if (index.firstField !== path) continue;
      // One side at a time: in an array, one element may meet the lower bound and another the upper.
      for (const ids of [range.lower && index.idsWithFirstFieldDateWithin(range.lower, undefined), range.upper && index.idsWithFirstFieldDateWithin(undefined, range.upper)]) {
        if (ids && (!narrowest || ids.length < narrowest.length)) narrowest = ids;
      }
      break;
    }
  }
  return narrowest;
}

/**
 * The bounds of `$gt`/`$gte`/`$lt`/`$lte` conditions whose values are all Dates. MongoDB compares
 * a Date only with Dates, so the matches are among the dates in the range; a bound of another
 * type would also match values of that type, and is left to a full scan.
 */
function dateRangeOf(condition: unknown): { lower?: Bound; upper?: Bound } | undefined {
  if (!isOperatorExpression(condition)) return undefined;
  const range: { lower?: Bound; upper?: Bound } = {};
  let hasBound = false;
  for (const [operator, operand] of Object.entries(condition)) {
    if (!RANGE_OPERATORS.has(operator)) continue;
    if (!(operand instanceof Date) || Number.isNaN(operand.getTime())) return undefined;
    hasBound = true;
    const bound = { value: operand.getTime(), isInclusive: operator.endsWith('e') };
    if (operator.startsWith('$g')) range.lower = tighterBound(range.lower, bound, 1);
    else range.upper = tighterBound(range.upper, bound, -1);
  }
  return hasBound ? range : undefined;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** The stricter of two bounds on the same side (`direction` 1 for lower bounds, -1 for upper). */
function tighterBound(current: Bound | undefined, next: Bound, direction: 1 | -1): Bound {
  if (!current) return next;
  if (next.value !== current.value) return (next.value - current.value) * direction > 0 ? next : current;
  return current.isInclusive ? next : current;
}

/** The exact values a condition limits a field to, when an index or id lookup can use them. */
function lookupValues(condition: unknown): unknown[] | undefined {
  if (!isOperatorExpression(condition)) {
    const equality = equalityValue(condition);
    return equality && isIndexableScalar(equality.value) ? [equality.value] : undefined;
  }
  if (Object.hasOwn(condition, '$eq')) {
    return isIndexableScalar(condition.$eq) ? [condition.$eq] : undefined;
  }
  const candidates = condition.$in;
  if (Array.isArray(candidates) && candidates.every(isIndexableScalar)) return candidates;
  return undefined;
}

function documentsWithIds(table: DocumentTable, ids: readonly unknown[]): Document[] {
  return documentsWithIdKeys(table, new Set(ids.map(valueKey)));
}

function documentsWithIdKeys(table: DocumentTable, idKeys: ReadonlySet<string>): Document[] {
  const documents: Document[] = [];
  for (const idKey of idKeys) {
    const document = table.documentByIdKey(idKey);
    if (document) documents.push(document);
  }
  return documents;
}
