import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS, subgraphPort } from '../../subgraphs/catalog';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

/** docker-compose.yml cannot run here, so its agreement with the catalog is checked instead. */
describe('docker-compose.yml', () => {
  it.each(SUBGRAPHS.map((subgraph) => subgraph.name))('runs the %s subgraph on its port, on MongoDB', (name) => {
    const service = compose.services[name];
    expect(service?.command).toEqual(['node', `dist/subgraphs/${name}/main.js`]);
    expect(service?.environment?.['PORT']).toBe(String(subgraphPort(4000, name)));
    expect(service?.environment?.['MONGODB_URI']).toMatch(/^mongodb:\/\/mongo:27017/);
    expect(service?.environment?.['NODE_ENV']).toBe('production');
  });

  it('points the gateway at every subgraph and waits for each to be healthy', () => {
    const gateway = compose.services['gateway'];
    for (const { name } of SUBGRAPHS) {
      expect(gateway?.environment?.[`HUB_SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:${subgraphPort(4000, name)}/graphql`);
      expect(gateway?.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });
});
