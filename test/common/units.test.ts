import { GraphQLError } from 'graphql';
import { loadConfig, ConfigError } from '../../src/config';
import { idOf, parseGlobalId, toGlobalId } from '../../src/common/relay';
import { creditCodeCheckChar, creditCodeProblem } from '../../src/registry/credit-code';
import { formatErrorFor } from '../../src/observability';
import { createLogger } from '../../src/logger';
import { withLocale } from '../../src/common/i18n';

describe('global IDs', () => {
  const uuid = '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';
  it('round-trip type and id', () => {
    expect(parseGlobalId(toGlobalId('Worker', uuid))).toEqual({ type: 'Worker', id: uuid });
    expect(idOf(toGlobalId('Worker', uuid), 'Worker')).toBe(uuid);
  });
  it('refuse another type, junk and non-uuid ids', () => {
    expect(idOf(toGlobalId('Enterprise', uuid), 'Worker')).toBeNull();
    for (const junk of ['', '!!!', 'abc', Buffer.from('Worker:1').toString('base64url'), Buffer.from(':' + uuid).toString('base64url')]) {
      expect(parseGlobalId(junk)).toBeNull();
    }
  });
});

describe('unified social credit code', () => {
  it('accepts a published example and computes its check character', () => {
    // 91350100M000100Y43 is a commonly cited valid code (check char 3).
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 位/);
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/校验码/);
    expect(creditCodeProblem('91350100I000100Y43')).toMatch(/不允许的字符“I”/);
    expect(creditCodeProblem('913A0100M000100Y43')).toMatch(/行政区划代码/);
  });
});

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, databaseUrl: undefined, jwtSecret: undefined, nodeEnv: 'development', bootstrapAdmin: undefined });
  });
  it('refuses production without a JWT secret, a short secret, a bad port and half a bootstrap admin', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/32 bytes/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'a@b.cn' })).toThrow(/go together/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });
});

describe('error masking', () => {
  const log = createLogger('silent');
  const unexpected = new GraphQLError('relation "secret_table" does not exist', { originalError: new Error('relation "secret_table" does not exist') });
  it('masks unexpected errors outside development', () => {
    const out = formatErrorFor(log, false)({ message: unexpected.message }, unexpected);
    expect(out).toMatchObject({ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const en = withLocale('en', () => formatErrorFor(log, false)({ message: unexpected.message }, unexpected));
    expect(en).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  it('shows them in development, and always passes client errors through', () => {
    expect(formatErrorFor(log, true)({ message: unexpected.message }, unexpected).message).toMatch(/secret_table/);
    // …but never the stack, which names the server's files: it goes to the log only.
    const withStack = formatErrorFor(log, true)({ message: unexpected.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x', '    at /srv/dist/src/x.js:1:1'] } }, unexpected);
    expect(withStack).toEqual({ message: unexpected.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const forbidden = { message: 'no', extensions: { code: 'FORBIDDEN' } };
    expect(formatErrorFor(log, false)(forbidden, new GraphQLError('no'))).toEqual(forbidden);
  });
});
