/** Configuration parsing: defaults, accepted URI schemes, and every violation reported at once. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to the managed local Neo4j on port 3000', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ kind: 'local', database: 'neo4j' });
    expect(config.http).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(config.limits.neighbourLimit).toBe(100);
    expect(config.seedOnFirstStart).toBe(true);
  });

  it.each([
    'bolt://db:7687',
    'bolt+s://x.example:7687',
    'neo4j://cluster:7687',
    'neo4j+s://abc.databases.neo4j.io',
    'neo4j+ssc://h',
  ])('accepts %s', (uri) => {
    const config = loadConfig({
      NEO4J_URI: uri,
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'movies',
    });
    expect(config.neo4j).toEqual({
      kind: 'remote',
      uri,
      user: 'neo4j',
      password: 'secret',
      database: 'movies',
    });
    // Never write the seed into a user's own database unless asked to.
    expect(config.seedOnFirstStart).toBe(false);
  });

  it('reports every violation at once', () => {
    let error: unknown;
    try {
      loadConfig({
        NEO4J_URI: 'http://localhost:7474',
        PORT: 'eighty',
        QUERY_TIMEOUT_MS: '5',
        LOG_LEVEL: 'loud',
        NEO4J_LOCAL_HEAP: 'lots',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const violations = (error as ConfigError).violations;
    const fields = violations.map((v) => v.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'NEO4J_URI',
        'PORT',
        'QUERY_TIMEOUT_MS',
        'LOG_LEVEL',
        'NEO4J_LOCAL_HEAP',
        'NEO4J_PASSWORD',
      ]),
    );
    expect((error as ConfigError).message).toContain(
      'NEO4J_URI: must be a URI with one of the schemes',
    );
  });

  it('treats empty variables as unset but keeps an empty password', () => {
    const config = loadConfig({ PORT: '', NEO4J_URI: 'bolt://h:7687', NEO4J_PASSWORD: '' });
    expect(config.http.port).toBe(3000);
    expect(config.neo4j).toMatchObject({ kind: 'remote', password: '' });
  });
});
