import type { Document } from 'mongodb';
import { isPlainObject } from './clone';
import { valueKey } from './value-keys';

/** One key a document contributes to an index; a multikey index gets one per array element. */
export interface IndexEntry {
  /** Identity of the whole (possibly compound) key. */
  key: string;
  /** Identity of the first field's value, which the query planner looks up by. */
  firstFieldKey: string;
  /** The key's values in pattern order, for the E11000 message. */
  values: unknown[];
}

/**
 * The entries a document contributes to an index, or null when a sparse index leaves it out
 * (a sparse index skips documents that have none of its fields). Like MongoDB, a missing field
 * is indexed as null, an array contributes each element, and an empty array is `undefined`.
 * `fieldPaths` are the index's fields already split on dots.
 */
export function indexEntriesOf(
  document: Document,
  fieldPaths: ReadonlyArray<readonly string[]>,
  isSparse: boolean,
): IndexEntry[] | null {
  const valuesPerField = fieldPaths.map((pathParts) => valuesAtPath(document, pathParts));
  if (isSparse && valuesPerField.every((values) => values.length === 0)) return null;
  const presentValues = valuesPerField.map((values) => (values.length === 0 ? [null] : values));
  const [onlyField] = presentValues;
  if (presentValues.length === 1 && onlyField) {
    return onlyField.map((value) => {
      const key = valueKey(value);
      return { key, firstFieldKey: key, values: [value] };
    });
  }
  const entries = new Map<string, IndexEntry>();
  for (const values of cartesianProduct(presentValues)) {
    const keys = values.map(valueKey);
    const key = JSON.stringify(keys);
    entries.set(key, { key, firstFieldKey: keys[0] ?? '', values });
  }
  return Array.from(entries.values());
}

/** Every value a dotted path reaches, descending through arrays of subdocuments as MongoDB does. */
function valuesAtPath(document: Document, pathParts: readonly string[]): unknown[] {
  const found: unknown[] = [];
  collectValues(document, pathParts, 0, found);
  if (found.length < 2) return found;
  const distinct = new Map<string, unknown>();
  for (const value of found) distinct.set(valueKey(value), value);
  return Array.from(distinct.values());
}

function collectValues(current: unknown, pathParts: readonly string[], depth: number, found: unknown[]): void {
  const part = pathParts[depth];
  if (part === undefined) {
    if (!Array.isArray(current)) found.push(current);
    else if (current.length === 0) found.push(undefined);
    else for (const element of current) found.push(element);
    return;
  }
  if (Array.isArray(current)) {
    if (/^\d+$/.test(part)) collectValues(current[Number(part)], pathParts, depth + 1, found);
    for (const element of current) {
      if (isPlainObject(element)) collectValues(element, pathParts, depth, found);
    }
    return;
  }
  if (isPlainObject(current) && Object.hasOwn(current, part)) {
    collectValues(current[part], pathParts, depth + 1, found);
  }
}

function cartesianProduct(lists: readonly unknown[][]): unknown[][] {
  // The usual case, no array among the fields, needs no combining.
  if (lists.every((list) => list.length === 1)) return [lists.map((list) => list[0])];
  let combinations: unknown[][] = [[]];
  for (const list of lists) {
    const extended: unknown[][] = [];
    for (const prefix of combinations) {
      for (const value of list) extended.push([...prefix, value]);
    }
    combinations = extended;
  }
  return combinations;
}
