import { createHmac } from 'node:crypto';
import {
  bytesFromBase64,
  bytesFromHex,
  equalsInConstantTime,
  hmacSha256,
  matchesAny,
} from '../../subgraphs/integrations/inbound/sources/signatures';

describe('webhook signature helpers', () => {
  it('computes HMAC-SHA256 over the parts as if they were concatenated', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1700000000.{"id":"evt_1"}').digest('hex');
    expect(hmacSha256('whsec_test', '1700000000', '.', Buffer.from('{"id":"evt_1"}')).toString('hex')).toBe(expected);
  });

  it('matches the published HMAC-SHA256 test vector (RFC 4231, case 2)', () => {
    expect(hmacSha256('Jefe', 'what do ya want ', 'for nothing?').toString('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('tells equal buffers from different ones, including different lengths', () => {
    expect(equalsInConstantTime(Buffer.from('abcd'), Buffer.from('abcd'))).toBe(true);
    expect(equalsInConstantTime(Buffer.from('abcd'), Buffer.from('abce'))).toBe(false);
    expect(equalsInConstantTime(Buffer.from('abcd'), Buffer.from('abc'))).toBe(false);
    expect(equalsInConstantTime(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
  });

  it('decodes only well-formed hex', () => {
    expect(bytesFromHex('0aFf')).toEqual(Buffer.from([0x0a, 0xff]));
    expect(bytesFromHex('0af')).toBeNull();
    expect(bytesFromHex('zz')).toBeNull();
    expect(bytesFromHex('')).toBeNull();
  });

  it('decodes only canonical base64', () => {
    expect(bytesFromBase64('AQID')).toEqual(Buffer.from([1, 2, 3]));
    expect(bytesFromBase64('AQI=')).toEqual(Buffer.from([1, 2]));
    expect(bytesFromBase64('AQI')).toBeNull();
    expect(bytesFromBase64('A?ID')).toBeNull();
    expect(bytesFromBase64('')).toBeNull();
  });

  it('accepts a signature list when any candidate matches', () => {
    const expected = hmacSha256('secret', 'body');
    expect(matchesAny(expected, [hmacSha256('old-secret', 'body'), expected])).toBe(true);
    expect(matchesAny(expected, [hmacSha256('old-secret', 'body')])).toBe(false);
    expect(matchesAny(expected, [])).toBe(false);
  });
});
