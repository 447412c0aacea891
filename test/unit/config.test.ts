import { ConfigError, loadConfig } from '../../subgraphs/kit/config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.MONGODB_DB_PREFIX).toBe('hub_');
    expect(config.isProduction).toBe(false);
    expect(config.subgraphUrls).toEqual({});
  });

  it('returns a frozen object', () => {
    const config = loadConfig({ PORT: '5000' });
    expect(config.PORT).toBe(5000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad variable in one error', () => {
    const load = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MONGODB_URI: 'postgres://x', HUB_SUBGRAPH_ACCOUNTS_URL: 'nope' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/MONGODB_URI/);
      expect(problems).toMatch(/HUB_SUBGRAPH_ACCOUNTS_URL/);
    }
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HUB_JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', HUB_JWT_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('rejects a short secret', () => {
    expect(() => loadConfig({ HUB_JWT_SECRET: 'short' })).toThrow(/HUB_JWT_SECRET: must be at least 32 characters/);
  });

  it('reads subgraph URL overrides by name', () => {
    const config = loadConfig({ HUB_SUBGRAPH_ACCOUNTS_URL: 'http://accounts:4001/graphql' });
    expect(config.subgraphUrls).toEqual({ accounts: 'http://accounts:4001/graphql' });
  });
});
