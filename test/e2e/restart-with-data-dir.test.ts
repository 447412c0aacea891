import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../subgraphs/kit/store/open-store';
import { startStack, testConfig } from '../helpers/stack';

// The embedded store's own persistence (HUB_DATA_DIR), exercised through the running hub.
describe('the hub on the embedded store with a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hub-restart-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps what was written across a graceful restart', async () => {
    const config = testConfig({ HUB_DATA_DIR: dataDir });
    const firstStore = await openStore({ dataDir });
    const first = await startStack({ store: firstStore, config });
    const created = await first.query<any>(
      `mutation { upsertAccount(input: { name: "株式会社ひかり工業", segment: ENTERPRISE, domains: ["hikari-kogyo.co.jp"] }) { id } }`,
      { token: await first.staffToken() },
    );
    const id = created.data.upsertAccount.id;
    await first.stop();
    await firstStore.close();

    const secondStore = await openStore({ dataDir });
    const second = await startStack({ store: secondStore, config });
    try {
      const result = await second.query<any>(`query($id: ID!) { account(id: $id) { name segment domains } }`, {
        token: await second.staffToken(),
        variables: { id },
      });
      expect(result.data.account).toEqual({ name: '株式会社ひかり工業', segment: 'ENTERPRISE', domains: ['hikari-kogyo.co.jp'] });
    } finally {
      await second.stop();
      await secondStore.close();
    }
  });
});
