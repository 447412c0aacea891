import { update as applyMingoUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import type { Document } from 'mongodb';
import { cloneDocument, cloneValue } from './clone';
import { immutableIdError } from './errors';
import { MINGO_OPTIONS } from './mingo-queries';
import { valueKey } from './value-keys';

/** The result of applying an update to a copy of a stored document. */
export interface UpdatedDocument {
  document: Document;
  isModified: boolean;
}

/** Refuses what the driver refuses: an update must be all operators (`$set`, `$inc`, ...). */
export function assertOperatorUpdate(update: Document): void {
  const keys = Object.keys(update);
  if (Array.isArray(update) || keys.length === 0 || !keys.every((key) => key.startsWith('$'))) {
    throw new Error('Update document requires atomic operators');
  }
}

/** Refuses what the driver refuses: a replacement must not contain operators. */
export function assertReplacement(replacement: Document): void {
  if (Object.keys(replacement).some((key) => key.startsWith('$'))) {
    throw new Error('Replacement document must not contain atomic operators');
  }
}

/**
 * Applies update operators to a copy of `stored` and never touches `stored` itself, so a
 * change that later breaks a unique index leaves nothing behind. `filter` resolves the
 * positional `$` operator. `$setOnInsert` only applies when upserting, so it is ignored here.
 */
export function applyUpdateToCopy(stored: Document, update: Document, filter: Document): UpdatedDocument {
  const { $setOnInsert: _ignored, ...operators } = update;
  const modifier = withoutUnchangedIdSet(operators, stored._id);
  const document = cloneDocument(stored);
  if (Object.keys(modifier).length === 0) return { document, isModified: false };
  const modifiedFields = runMingoUpdate(document, modifier, filter);
  if (valueKey(document._id) !== valueKey(stored._id)) throw immutableIdError();
  return { document, isModified: modifiedFields.length > 0 };
}

/** Applies the operators of an upsert (including `$setOnInsert`) to the document being created. */
export function applyUpsertOperators(base: Document, update: Document): Document {
  const { $setOnInsert: setOnInsert, $set: set, ...otherOperators } = update;
  // mingo refuses any `_id` path, but an upsert may choose the new `_id` with `$set`/`$setOnInsert`.
  const setWithoutId = splitIdField(set);
  const setOnInsertWithoutId = splitIdField(setOnInsert);
  const document = cloneDocument(base);
  const operators: Document = setWithoutId.fields ? { ...otherOperators, $set: setWithoutId.fields } : otherOperators;
  if (Object.keys(operators).length > 0) runMingoUpdate(document, operators, {});
  if (setOnInsertWithoutId.fields) runMingoUpdate(document, { $set: setOnInsertWithoutId.fields }, {});
  const chosenId = setOnInsertWithoutId.id ?? setWithoutId.id;
  if (!chosenId) return document;
  // The filter's `_id` equality already fixed the id; the update may only repeat it.
  if (Object.hasOwn(base, '_id') && valueKey(base._id) !== valueKey(chosenId.value)) throw immutableIdError();
  document._id = cloneValue(chosenId.value);
  return document;
}

/** Replaces a stored document's content, keeping its `_id` (which a replacement may not change). */
export function replaceInCopy(stored: Document, replacement: Document): UpdatedDocument {
  if (Object.hasOwn(replacement, '_id') && valueKey(replacement._id) !== valueKey(stored._id)) throw immutableIdError();
  const { _id: _sameId, ...fields } = cloneDocument(replacement);
  const document = { _id: stored._id, ...fields };
  return { document, isModified: valueKey(document) !== valueKey(stored) };
}

function runMingoUpdate(document: Document, modifier: Document, filter: Document): string[] {
  try {
    return applyMingoUpdate(document, modifier as Modifier<Document>, undefined, filter, {
      cloneMode: 'deep',
      queryOptions: MINGO_OPTIONS,
    });
  } catch (error) {
    if (error instanceof Error && error.message.includes("immutable field '_id'")) throw immutableIdError();
    throw error;
  }
}

/** MongoDB accepts `$set: {_id: <same id>}` as a no-op; mingo refuses any `_id` path. */
function withoutUnchangedIdSet(operators: Document, storedId: unknown): Document {
  const set: unknown = operators.$set;
  if (!isDocument(set) || !Object.hasOwn(set, '_id') || valueKey(set._id) !== valueKey(storedId)) return operators;
  const { _id: _sameId, ...otherFields } = set;
  const { $set: _set, ...otherOperators } = operators;
  return Object.keys(otherFields).length > 0 ? { ...otherOperators, $set: otherFields } : otherOperators;
}

/** Separates `_id` from a `$set`-like operand; `fields` is undefined when nothing else is left. */
function splitIdField(operand: unknown): { fields?: Document; id?: { value: unknown } } {
  if (!isDocument(operand)) return {};
  if (!Object.hasOwn(operand, '_id')) return Object.keys(operand).length > 0 ? { fields: operand } : {};
  const { _id: id, ...fields } = operand;
  return Object.keys(fields).length > 0 ? { fields, id: { value: id } } : { id: { value: id } };
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
