import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** `schema/` relative to this file, in the source tree and in the compiled `dist/` alike. */
export const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The SDL every subgraph shares (federation link, DateTime, PageInfo, ExternalId, Money). */
export function sharedSdl(): string {
  return readFileSync(join(SCHEMA_DIR, 'shared.graphql'), 'utf8');
}

/**
 * The `.graphql` files of a subgraph's folder and its sub-folders (one per feature, such as
 * `accounts/health/health.graphql`): `schema.graphql` first, then the rest by path.
 */
export function subgraphSchemaFiles(directory: string): string[] {
  const files = (readdirSync(directory, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => join(directory, file));
  const rank = (file: string) => (relative(directory, file) === 'schema.graphql' ? '' : relative(directory, file));
  return files.sort((a, b) => rank(a).localeCompare(rank(b)));
}

/** A subgraph's full SDL: the shared part followed by every schema file of its folder. */
export function subgraphSdl(directory: string): string {
  return [sharedSdl(), ...subgraphSchemaFiles(directory).map((file) => readFileSync(file, 'utf8'))].join('\n');
}

export function subgraphTypeDefs(directory: string): DocumentNode {
  return parse(subgraphSdl(directory));
}
