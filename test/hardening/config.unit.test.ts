import { ConfigError, loadConfig } from '../../src/config';

describe('start-up refuses an unsafe production config', () => {
  it('without JWT_SECRET, or with one under 32 bytes (counted in bytes, not characters)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/at least 32 bytes/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '匠心'.repeat(5) })).toThrow(ConfigError); // 10 characters, 30 bytes
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: '匠'.repeat(11) }).jwtSecret).toBe('匠'.repeat(11)); // 33 bytes
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });
});

describe('limits from the environment', () => {
  it('has documented defaults', () => {
    expect(loadConfig({}).limits).toEqual({
      maxDepth: 12, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, maxCost: 5000,
      costBudget: 10_000, costRestorePerSecond: 500, writeBurst: 50, writesPerSecond: 20,
      maxBodyBytes: 4 * 1024 * 1024, trustProxyHops: 0,
      wsInitTimeoutMs: 5000, wsMaxSubscriptionsPerConnection: 25, wsMaxConnectionsPerAddress: 100, wsMaxPayloadBytes: 64 * 1024, wsAuthRecheckSeconds: 60, boardMinIntervalMs: 200,
    });
  });

  it('reads each from its variable and refuses nonsense', () => {
    const l = loadConfig({ WRITE_BURST: '500', WRITES_PER_SECOND: '200', COST_BUDGET: '10000', QUERY_MAX_DEPTH: '20', WS_MAX_CONNECTIONS_PER_ADDRESS: '2000', TRUST_PROXY_HOPS: '1' }).limits;
    expect(l).toMatchObject({ writeBurst: 500, writesPerSecond: 200, costBudget: 10000, maxDepth: 20, wsMaxConnectionsPerAddress: 2000, trustProxyHops: 1 });
    expect(() => loadConfig({ WRITES_PER_SECOND: 'lots' })).toThrow(/WRITES_PER_SECOND/);
    expect(() => loadConfig({ QUERY_MAX_DEPTH: '0' })).toThrow(/QUERY_MAX_DEPTH/);
    expect(() => loadConfig({ MAX_BODY_BYTES: '-1' })).toThrow(/MAX_BODY_BYTES/);
  });
});

describe('CORS_ORIGINS', () => {
  it('is none by default; lists origins, trimmed and in their canonical form', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' https://App.Example.com/ , http://localhost:5173,https://app.example.com:443' }).corsOrigins)
      .toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('refuses what is not an origin, and the wildcard', () => {
    for (const bad of ['*', 'app.example.com', 'https://app.example.com/path', 'ftp://files.example.com', 'https://u:p@app.example.com', 'https://app.example.com?x=1']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('is unset by default; an http(s) address, with or without a path, kept without its trailing slash', () => {
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: ' ' }).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://jx.example.cn/' }).publicBaseUrl).toBe('https://jx.example.cn');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://10.0.0.5:8080/jiangxin/' }).publicBaseUrl).toBe('http://10.0.0.5:8080/jiangxin');
  });

  it('refuses what is not an http(s) address to print', () => {
    for (const bad of ['jx.example.cn', '/drills', 'ftp://jx.example.cn', 'https://u:p@jx.example.cn', 'https://jx.example.cn/?a=1', 'https://jx.example.cn/#x', 'javascript:alert(1)']) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
    }
  });
});
