import { WEBHOOK_ROUTES } from '../../gateway/webhook-proxy';
import { INBOUND_SOURCES } from '../../subgraphs/integrations/inbound/sources';

describe('inbound routes', () => {
  const sourceRoutes = INBOUND_SOURCES.flatMap((source) => source.routes.map((route) => ({ source: source.name, route })));

  it('forwards every route a registered source answers from the gateway\'s public port', () => {
    const notForwarded = sourceRoutes.filter(({ route }) => !(WEBHOOK_ROUTES as readonly string[]).includes(route));
    expect(notForwarded).toEqual([]);
  });

  it('gives each route to one source only', () => {
    const routes = sourceRoutes.map(({ route }) => route);
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([]);
  });

  it('registers each source once', () => {
    const names = INBOUND_SOURCES.map((source) => source.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
