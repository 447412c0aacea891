import { MongoClient } from 'mongodb';

/** Drops databases a test run created on a real MongoDB (the embedded store needs no cleanup). */
export async function dropMongoDatabases(mongodbUri: string, names: readonly string[]): Promise<void> {
  const client = await MongoClient.connect(mongodbUri);
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
