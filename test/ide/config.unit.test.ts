import { ConfigError, graphiqlEnabled, introspectionEnabled, loadConfig } from '../../src/config';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

describe('GRAPHIQL', () => {
  it('is on outside production and off in production unless asked for', () => {
    expect(graphiqlEnabled(loadConfig({}))).toBe(true);
    expect(graphiqlEnabled(loadConfig({ NODE_ENV: 'test' }))).toBe(true);
    expect(graphiqlEnabled(loadConfig({ GRAPHIQL: 'false' }))).toBe(false);
    expect(graphiqlEnabled(loadConfig(PROD))).toBe(false);
    expect(graphiqlEnabled(loadConfig({ ...PROD, GRAPHIQL: 'true' }))).toBe(true);
  });

  it('in production brings introspection with it; nothing else turns introspection on there', () => {
    expect(introspectionEnabled(loadConfig(PROD))).toBe(false);
    expect(introspectionEnabled(loadConfig({ ...PROD, GRAPHIQL: 'false' }))).toBe(false);
    expect(introspectionEnabled(loadConfig({ ...PROD, GRAPHIQL: 'true' }))).toBe(true);
    expect(introspectionEnabled(loadConfig({ GRAPHIQL: 'false' }))).toBe(true);
  });

  it('refuses anything but true or false, with one clear line', () => {
    for (const bad of ['1', 'yes', 'TRUE', 'on']) {
      expect(() => loadConfig({ GRAPHIQL: bad })).toThrow(new ConfigError(`GRAPHIQL must be true or false, got "${bad}"`));
    }
  });
});
