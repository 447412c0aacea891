import { ObjectId } from 'bson';
import { isPlainObject } from './clone';

/**
 * A string that two values share exactly when MongoDB treats them as the same key, so `_id`s and
 * index entries can live in a `Map`. Each kind of value gets its own prefix, so the string "1"
 * and the number 1 never collide; embedded documents keep their field order, as in MongoDB.
 */
export function valueKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${Object.is(value, -0) ? 0 : value}`;
    case 'bigint':
      return `n${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'undefined':
      return 'U';
    default:
      return objectKey(value);
  }
}

function objectKey(value: unknown): string {
  if (value === null) return 'N';
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof ObjectId) return `o${value.toHexString()}`;
  if (value instanceof RegExp) return `r${value.toString()}`;
  if (Array.isArray(value)) return `a${JSON.stringify(value.map(valueKey))}`;
  if (isPlainObject(value)) {
    return `e${JSON.stringify(Object.entries(value).map(([field, fieldValue]) => [field, valueKey(fieldValue)]))}`;
  }
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  return `b${String(bsonType)}:${String(value)}`;
}

/** Values an index lookup can answer exactly: no arrays, documents, regular expressions or null. */
export function isIndexableScalar(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(value);
    default:
      return value instanceof Date || value instanceof ObjectId;
  }
}
