import { openStore } from '../../subgraphs/kit/store/open-store';

describe('openStore', () => {
  it('opens the embedded store when no MongoDB URI is given', async () => {
    const store = await openStore({});
    expect(store.kind).toBe('embedded');
    await store.close();
  });

  it('connects before resolving, so an unreachable MongoDB fails the open', async () => {
    const unreachable = 'mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300&connectTimeoutMS=300';
    await expect(openStore({ mongodbUri: unreachable })).rejects.toThrow();
  });
});
