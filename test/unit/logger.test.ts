import { Writable } from 'node:stream';
import { createLogger, maskEmails, requestIdFrom } from '../../subgraphs/kit/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('writes JSON with the level as a label', () => {
    const { lines, logger } = capture();
    logger.info({ requestId: 'r1' }, 'hello');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', requestId: 'r1', msg: 'hello' });
  });

  it('redacts authorization headers and e-mail fields', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer secret' } }, user: { email: 'hanako@example.co.jp' } }, 'request');
    expect(lines[0]).not.toContain('secret');
    expect(lines[0]).not.toContain('hanako@example.co.jp');
    expect(JSON.parse(lines[0]!).req.headers.authorization).toBe('[redacted]');
  });

  it('masks e-mail addresses inside messages', () => {
    const { lines, logger } = capture();
    logger.info('no account for taro.yamada@example.jp');
    expect(JSON.parse(lines[0]!).msg).toBe('no account for [email]');
    expect(maskEmails('a@b.io and c.d@e.co.uk')).toBe('[email] and [email]');
  });
});

describe('requestIdFrom', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFrom('abc-123')).toBe('abc-123');
  });

  it('replaces a missing or unsafe id with a fresh one', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
