import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The HMAC checks every signed webhook shares. Comparisons run in constant time, so how long a
 * refusal takes tells an attacker nothing about how much of a forged signature was right.
 */

/** HMAC-SHA256 of the parts, fed in order as if concatenated (e.g. `timestamp`, `.`, raw body). */
export function hmacSha256(secret: string | Buffer, ...parts: ReadonlyArray<string | Buffer>): Buffer {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/**
 * Whether two byte strings are equal, in time that depends only on their lengths. Buffers of
 * different lengths are unequal (`timingSafeEqual` itself throws on them).
 */
export function equalsInConstantTime(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/**
 * Decodes a hex signature as sent in a header; null when it is not even-length hex, so a garbled
 * value is refused instead of being decoded into fewer bytes than it claims.
 */
export function bytesFromHex(value: string): Buffer | null {
  return /^(?:[0-9a-fA-F]{2})+$/.test(value) ? Buffer.from(value, 'hex') : null;
}

/** Decodes a base64 signature; null when it is not canonical base64. */
export function bytesFromBase64(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes : null;
}

/** Whether any of the candidate signatures equals the expected one; every candidate is compared. */
export function matchesAny(expected: Buffer, candidates: readonly Buffer[]): boolean {
  let matched = false;
  for (const candidate of candidates) matched = equalsInConstantTime(expected, candidate) || matched;
  return matched;
}
