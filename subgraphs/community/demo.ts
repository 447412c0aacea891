import type { Document, OptionalUnlessRequiredId } from 'mongodb';
import type { HubCollection } from '../kit/store/types';
import type { SubgraphDeps } from '../kit/subgraph-service';
import { subgraphDatabase } from '../kit/subgraph-service';
import type { CommunityDemoData } from '../../scripts/demo-data/community';
import { CommunityRepository } from './repository';
import { COMMUNITY_SUBGRAPH } from './server';

/** The store takes at most this many documents per call, so a large dataset never builds one huge batch. */
const CHUNK_SIZE = 5_000;

async function insertInChunks<T extends Document>(collection: HubCollection<T>, documents: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<void> {
  for (let start = 0; start < documents.length; start += CHUNK_SIZE) {
    await collection.insertMany(documents.slice(start, start + CHUNK_SIZE));
  }
}

/**
 * Loads the community demo data into an empty community database. A database that already
 * holds members or posts (a persisted embedded store, a real deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadCommunityDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: CommunityDemoData): Promise<boolean> {
  const repository = new CommunityRepository(subgraphDatabase(deps, COMMUNITY_SUBGRAPH));
  const [members, posts] = await Promise.all([repository.members.countDocuments(), repository.posts.countDocuments()]);
  if (members > 0 || posts > 0) return false;
  await repository.ensureIndexes();
  await insertInChunks(repository.members, data.members);
  await insertInChunks(repository.posts, data.posts);
  await insertInChunks(repository.replies, data.replies);
  await insertInChunks(repository.events, data.events);
  await insertInChunks(repository.registrations, data.registrations);
  return true;
}
