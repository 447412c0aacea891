import type { IndexSpecification, Sort } from 'mongodb';

export type KeyDirection = 1 | -1;
/** Fields in order with their direction: the normal form of both sort and index specifications. */
export type KeyPattern = ReadonlyArray<readonly [field: string, direction: KeyDirection]>;

const SORT_DIRECTIONS: ReadonlyMap<string, KeyDirection> = new Map([
  ['1', 1],
  ['-1', -1],
  ['asc', 1],
  ['desc', -1],
  ['ascending', 1],
  ['descending', -1],
]);
/** Index types MongoDB knows but the embedded store does not implement. */
const SPECIAL_INDEX_TYPES: ReadonlySet<string> = new Set(['2d', '2dsphere', 'text', 'geoHaystack', 'hashed']);

/** Accepts every shape the driver's `Sort` type allows: `'a'`, `{a: -1}`, `[['a', 'desc']]`, a Map... */
export function normalizeSort(sort: Sort): KeyPattern {
  if (typeof sort === 'string') return [[sort, 1]];
  if (sort instanceof Map) return Array.from(sort, ([field, direction]) => [field, sortDirection(direction)] as const);
  if (Array.isArray(sort)) {
    if (isFieldDirectionPair(sort)) return [[sort[0], sortDirection(sort[1])]];
    return sort.map((item: unknown) => {
      if (typeof item === 'string') return [item, 1] as const;
      if (isFieldDirectionPair(item)) return [item[0], sortDirection(item[1])] as const;
      throw new Error(`Invalid sort specification: ${JSON.stringify(sort)}`);
    });
  }
  if (typeof sort === 'object' && sort !== null) {
    return Object.entries(sort).map(([field, direction]) => [field, sortDirection(direction)] as const);
  }
  throw new Error(`Invalid sort specification: ${JSON.stringify(sort)}`);
}

/** Accepts the driver's `IndexSpecification` shapes; only ascending/descending keys are supported. */
export function normalizeIndexSpecification(spec: IndexSpecification): KeyPattern {
  const parts: unknown[] = Array.isArray(spec) && !isIndexFieldPair(spec) ? spec : [spec];
  const pattern = parts.flatMap((part): Array<readonly [string, KeyDirection]> => {
    if (typeof part === 'string') return [[part, 1]];
    if (isIndexFieldPair(part)) return [[part[0], indexDirection(part[1])]];
    if (part instanceof Map) return Array.from(part, ([field, direction]) => [String(field), indexDirection(direction)]);
    if (typeof part === 'object' && part !== null) {
      return Object.entries(part).map(([field, direction]) => [field, indexDirection(direction)]);
    }
    throw new Error(`Invalid index specification: ${JSON.stringify(spec)}`);
  });
  if (pattern.length === 0) throw new Error('An index needs at least one field');
  return pattern;
}

/** The name MongoDB gives an index by default: `{email: 1, createdAt: -1}` → `email_1_createdAt_-1`. */
export function defaultIndexName(pattern: KeyPattern): string {
  return pattern.map(([field, direction]) => `${field}_${direction}`).join('_');
}

/** `{field: direction}` for mingo's sort and for error details. */
export function patternToObject(pattern: KeyPattern): Record<string, KeyDirection> {
  const result: Record<string, KeyDirection> = {};
  for (const [field, direction] of pattern) result[field] = direction;
  return result;
}

function isFieldDirectionPair(value: unknown): value is readonly [string, unknown] {
  return isPairWith(value, (direction) => typeof direction === 'string' && SORT_DIRECTIONS.has(direction.toLowerCase()));
}

function isIndexFieldPair(value: unknown): value is readonly [string, unknown] {
  return isPairWith(value, (direction) => typeof direction === 'string' && SPECIAL_INDEX_TYPES.has(direction));
}

function isPairWith(value: unknown, isDirectionString: (direction: unknown) => boolean): value is readonly [string, unknown] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    (typeof value[1] === 'number' || isDirectionString(value[1]))
  );
}

function sortDirection(direction: unknown): KeyDirection {
  const normalized = SORT_DIRECTIONS.get(String(direction).toLowerCase());
  if (normalized === undefined) throw new Error(`Unsupported sort direction: ${JSON.stringify(direction)}`);
  return normalized;
}

function indexDirection(direction: unknown): KeyDirection {
  if (direction === 1 || direction === -1) return direction;
  throw new Error(`The embedded store supports only 1 and -1 index keys, not ${JSON.stringify(direction)}`);
}
