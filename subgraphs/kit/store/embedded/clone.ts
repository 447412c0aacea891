import type { Document } from 'mongodb';

/**
 * Deep-copies a value the way the store needs: plain objects and arrays are copied, Dates are
 * re-created, and BSON values (ObjectId, Decimal128, ...) are shared because nothing mutates
 * them in place. `structuredClone` would turn an ObjectId into a plain object, hence this.
 * `undefined` becomes `null`, as the driver serialises it by default.
 */
export function cloneValue<V>(value: V): V {
  return copy(value) as V;
}

/** A private copy of a document, so neither the caller nor the store can corrupt the other's. */
export function cloneDocument(document: Document): Document {
  return copy(document) as Document;
}

function copy(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copy);
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) result[key] = copy(value[key]);
  return result;
}

/** True for `{...}` literals, false for class instances such as ObjectId or Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
