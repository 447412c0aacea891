import type { Document } from 'mongodb';
import type { DocumentTable } from './document-table';
import { equalityValue, isOperatorExpression, requiredFieldConditions } from './filter-conditions';
import { isIndexableScalar, valueKey } from './value-keys';

/**
 * The stored documents a filter can possibly match. `{_id: x}` and `{_id: {$in: [...]}}` come
 * straight from the id map, an equality or `$in` on the first field of an index comes from that
 * index, anything else is every document. Callers still test the whole filter on each candidate.
 */
export function candidateDocuments(table: DocumentTable, filter: Document): Iterable<Document> {
  const conditions = requiredFieldConditions(filter);
  const idCondition = conditions.find(([path]) => path === '_id');
  const ids = idCondition ? lookupValues(idCondition[1]) : undefined;
  if (ids) return documentsWithIds(table, ids);

  for (const [path, condition] of conditions) {
    const values = lookupValues(condition);
    if (!values) continue;
    for (const index of table.indexes()) {
      if (index.firstField !== path) continue;
      const matchingIds = new Set<string>();
      for (const value of values) {
        for (const id of index.idsWithFirstFieldKey(valueKey(value))) matchingIds.add(id);
      }
      return documentsWithIdKeys(table, matchingIds);
    }
  }
  return table.documents();
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
