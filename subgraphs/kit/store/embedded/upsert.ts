import { update as applyMingoUpdate } from 'mingo';
import { ObjectId } from 'bson';
import type { Document } from 'mongodb';
import { cloneDocument, cloneValue } from './clone';
import { equalityValue, requiredFieldConditions } from './filter-conditions';
import { MINGO_OPTIONS } from './mingo-queries';
import { applyUpsertOperators } from './update-document';

/**
 * The document an operator upsert inserts when nothing matched, built as MongoDB builds it:
 * the filter's equality conditions (`{a: 1}`, `{a: {$eq: 1}}`, inside a top-level `$and`,
 * dotted paths becoming subdocuments), then the update operators and `$setOnInsert`, then a
 * generated ObjectId when no `_id` came from either.
 */
export function buildUpsertDocument(filter: Document, update: Document): Document {
  return withId(applyUpsertOperators(equalityFields(filter), update));
}

/**
 * The document a replacement upsert inserts: the replacement itself; only `_id` may come from
 * the filter's equality conditions, as in MongoDB.
 */
export function buildReplacementUpsertDocument(filter: Document, replacement: Document): Document {
  const document = cloneDocument(replacement);
  if (!Object.hasOwn(document, '_id')) {
    const idCondition = requiredFieldConditions(filter).find(([path]) => path === '_id');
    const idEquality = idCondition ? equalityValue(idCondition[1]) : undefined;
    if (idEquality) document._id = cloneValue(idEquality.value);
  }
  return withId(document);
}

/** A generated ObjectId, like the driver's, for a document inserted without `_id`; `_id` first. */
export function withId(document: Document): Document {
  const { _id: id, ...fields } = document;
  return { _id: id ?? new ObjectId(), ...fields };
}

function equalityFields(filter: Document): Document {
  const fields: Document = {};
  for (const [path, condition] of requiredFieldConditions(filter)) {
    const equality = equalityValue(condition);
    if (equality) fields[path] = cloneValue(equality.value);
  }
  const { _id: id, ...otherFields } = fields;
  const document: Document = {};
  // `$set` turns dotted paths into subdocuments; `_id` is set directly because mingo refuses to write it.
  if (Object.keys(otherFields).length > 0) {
    applyMingoUpdate(document, { $set: otherFields }, undefined, undefined, { queryOptions: MINGO_OPTIONS });
  }
  return Object.hasOwn(fields, '_id') ? { _id: id, ...document } : document;
}
