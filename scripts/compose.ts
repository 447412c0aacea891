import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultSubgraphUrl, SUBGRAPHS } from '../subgraphs/catalog';
import { renderErrorCodesMarkdown } from '../subgraphs/kit/errors';
import { SCHEMA_DIR, subgraphSdl } from '../subgraphs/kit/sdl';

/**
 * Composes every subgraph's SDL into `schema/supergraph.graphql` and renders the error-code
 * registry into `schema/errors.md`. With `--check`, writes nothing and fails when either
 * committed file differs from what would be generated.
 */
function generate(): Map<string, string> {
  const result = composeServices(
    SUBGRAPHS.map(({ name, directory }) => ({ name, url: defaultSubgraphUrl(name), typeDefs: parse(subgraphSdl(directory)) })),
  );
  if (result.errors) {
    for (const error of result.errors) console.error(`composition error: ${error.message}`);
    process.exit(1);
  }
  // Hints are fatal too: an entity declared with another description than its owner's would
  // silently replace the owner's documentation in the supergraph.
  if (result.hints?.length) {
    for (const hint of result.hints) console.error(`composition hint: ${hint.definition.code}: ${hint.message}`);
    process.exit(1);
  }
  return new Map([
    [join(SCHEMA_DIR, 'supergraph.graphql'), `${result.supergraphSdl.trimEnd()}\n`],
    [join(SCHEMA_DIR, 'errors.md'), renderErrorCodesMarkdown()],
  ]);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const isCheck = process.argv.includes('--check');
const stale: string[] = [];
for (const [path, content] of generate()) {
  if (isCheck) {
    if (readOrEmpty(path) !== content) stale.push(path);
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
if (stale.length) {
  console.error(`stale generated files (run \`npm run compose\` and commit): ${stale.join(', ')}`);
  process.exit(1);
}
if (isCheck) console.log('supergraph and error codes are up to date');
