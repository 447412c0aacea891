import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** `schema/` relative to this file, in the source tree and in the compiled `dist/` alike. */
export const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The SDL every subgraph shares (federation link, DateTime, PageInfo, ExternalId). */
export function sharedSdl(): string {
  return readFileSync(join(SCHEMA_DIR, 'shared.graphql'), 'utf8');
}

/** A subgraph's full SDL: the shared part followed by its own `schema.graphql`. */
export function subgraphSdl(schemaFile: string): string {
  return `${sharedSdl()}\n${readFileSync(schemaFile, 'utf8')}`;
}

export function subgraphTypeDefs(schemaFile: string): DocumentNode {
  return parse(subgraphSdl(schemaFile));
}
