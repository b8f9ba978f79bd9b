/**
 * No Docker engine runs where the suite runs, so the compose file and Dockerfile are checked
 * statically: the services, image, ports, health check, volume and the environment the app reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  const { neo4j, app } = compose.services;

  it('runs the official Neo4j 5.26 Community image with a data volume and a health check', () => {
    expect(neo4j?.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
    expect(neo4j?.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j?.healthcheck?.test.join(' ')).toContain('7474');
    expect(neo4j?.environment?.NEO4J_AUTH).toMatch(/^neo4j\//);
    expect(neo4j?.ports).toContain('127.0.0.1:7687:7687');
  });

  it('builds the app and starts it once Neo4j is healthy', () => {
    expect(app?.build).toBe('.');
    expect(app?.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(app?.ports).toContain('127.0.0.1:3000:3000');
    expect(app?.healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('configures the app through environment the app accepts', () => {
    const env = { ...app?.environment, NEO4J_PASSWORD: 'resolved-at-run-time' };
    const config = loadConfig(env);
    expect(config.neo4j).toMatchObject({
      kind: 'remote',
      uri: 'bolt://neo4j:7687',
      database: 'neo4j',
    });
    expect(config.http).toEqual({ port: 3000, host: '0.0.0.0' });
    expect(config.seedOnFirstStart).toBe(true);
  });

  it('has a Dockerfile that builds the client and starts the server', () => {
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toMatch(/CMD \[.*server\/main\.ts"\]/);
  });

  it('ships the server without the developer tools', () => {
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((m) => m[1]);
    expect(copied).toContain('server');
    expect(copied).not.toContain('tools');
    expect(copied).not.toContain('bench');
  });
});
