import { generateCommunityDemoData, type CommunityDemoData } from './community';
import { profileAccounts, type DemoScale, type DomainContext } from './context';
import { generateContractsDemoData, type ContractsDemoData } from './contracts';
import { generateDemoData, type DemoData } from './generate';
import { generateHealthHistoryDemoData, type HealthHistoryDemoData } from './health-history';
import { generateLearningDemoData, type LearningDemoData } from './learning';
import { generateSearchDemoData, type SearchDemoData } from './search';
import { generateSupportDemoData, type SupportDemoData } from './support';
import { generateUsageDemoData, type UsageDemoData } from './usage';

/** Accounts and users plus every domain's data, consistent by id. */
export interface DemoDataset extends DemoData {
  community: CommunityDemoData;
  learning: LearningDemoData;
  support: SupportDemoData;
  contracts: ContractsDemoData;
  usage: UsageDemoData;
  healthHistory: HealthHistoryDemoData;
  search: SearchDemoData;
}

/** Benchmark scale: about 2,000 accounts and 50,000 users. */
const SIZES: Record<DemoScale, { accounts: number; teamScale: number }> = {
  demo: { accounts: 40, teamScale: 1 },
  bench: { accounts: 2_000, teamScale: 1.7 },
};

/** The whole demo (or benchmark) dataset; the same seed, scale and `now` give the same data. */
export function generateDemoDataset(options: { seed?: number; now?: Date; scale?: DemoScale } = {}): DemoDataset {
  const { seed = 42, now = new Date(), scale = 'demo' } = options;
  const base = generateDemoData({ seed, now, ...SIZES[scale] });
  const context: DomainContext = { seed, now, scale, ...base, profiles: profileAccounts(base.accounts, base.users, now) };
  const contracts = generateContractsDemoData(context);
  return {
    ...base,
    community: generateCommunityDemoData(context),
    learning: generateLearningDemoData(context),
    support: generateSupportDemoData(context),
    contracts,
    usage: generateUsageDemoData(context),
    healthHistory: generateHealthHistoryDemoData(context, contracts),
    search: generateSearchDemoData(),
  };
}
