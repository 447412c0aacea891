import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { SCHEMA_DIR } from '../subgraphs/kit/sdl';

export const DEFAULT_SUPERGRAPH_PATH = join(SCHEMA_DIR, 'supergraph.graphql');

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export function readSupergraph(path = DEFAULT_SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}

/** The subgraphs a supergraph names (`enum join__Graph`), with the URLs composition recorded. */
export function subgraphEndpoints(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const graphEnum = document.definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (!graphEnum || graphEnum.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (graphEnum.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((candidate) => candidate.name.value === 'join__graph');
    const argument = (name: string) => {
      const node = directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;
      return node?.kind === Kind.STRING ? node.value : undefined;
    };
    const name = argument('name');
    const url = argument('url');
    return name && url ? [{ name, url }] : [];
  });
}

/** Applies URL overrides (environment or test stack) to the composed endpoints. */
export function resolveEndpoints(supergraphSdl: string, overrides: Readonly<Record<string, string>>): SubgraphEndpoint[] {
  return subgraphEndpoints(supergraphSdl).map(({ name, url }) => ({ name, url: overrides[name] ?? url }));
}
