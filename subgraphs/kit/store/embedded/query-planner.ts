import type { Document } from 'mongodb';
import type { DocumentTable } from './document-table';
import type { CollectionIndex } from './indexes';
import { equalityValue, isOperatorExpression, requiredFieldConditions } from './filter-conditions';
import { isIndexableScalar, valueKey } from './value-keys';

/**
 * The stored documents a filter can possibly match. `{_id: x}` and `{_id: {$in: [...]}}` come
 * straight from the id map; otherwise, of the equality or `$in` conditions on the first field of
 * an index, the one matching the fewest documents picks the candidates (counting is cheap, and a
 * condition on a common status must not win over one on an account); with none, every document.
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
  if (!narrowest) return table.documents();
  const matchingIds = new Set<string>();
  for (const key of narrowest.keys) for (const id of narrowest.index.idsWithFirstFieldKey(key)) matchingIds.add(id);
  return documentsWithIdKeys(table, matchingIds);
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
