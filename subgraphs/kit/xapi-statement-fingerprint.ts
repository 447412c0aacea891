import { createHash } from 'node:crypto';

/** Properties the LRS sets or may change: a resend that differs only in these is the same statement. */
const LRS_ASSIGNED = new Set(['stored', 'authority', 'version']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== null && member !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return Object.fromEntries(entries.map(([key, member]) => [key, canonical(member)]));
}

/**
 * Identifies an xAPI statement's content (the LRS endpoint refuses a conflicting resend with 409;
 * learning records each statement once), so the same statement sent again is told apart from a
 * different one reusing its id (xAPI's statement comparison): member order, null members, the
 * id's letter case and the properties the LRS assigns make no difference.
 */
export function statementFingerprint(statement: Readonly<Record<string, unknown>>): string {
  const content = Object.fromEntries(Object.entries(statement).filter(([key]) => !LRS_ASSIGNED.has(key)));
  if (typeof content['id'] === 'string') content['id'] = content['id'].toLowerCase();
  return createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex');
}
