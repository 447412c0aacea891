import { generateCommunityDemoData, type CommunityDemoData } from './community';
import { profileAccounts, type DemoScale, type DomainContext } from './context';
import { generateContractsDemoData, type ContractsDemoData } from './contracts';
import { generateDemoData, type DemoData } from './generate';
import { generateLearningDemoData, type LearningDemoData } from './learning';
import { generateSupportDemoData, type SupportDemoData } from './support';

/** Accounts and users plus every domain's data, consistent by id. */
export interface DemoDataset extends DemoData {
  community: CommunityDemoData;
  learning: LearningDemoData;
  support: SupportDemoData;
  contracts: ContractsDemoData;
}

const ACCOUNTS_PER_SCALE: Record<DemoScale, number> = { demo: 40, bench: 2_000 };

/** The whole demo (or benchmark) dataset; the same seed, scale and `now` give the same data. */
export function generateDemoDataset(options: { seed?: number; now?: Date; scale?: DemoScale } = {}): DemoDataset {
  const { seed = 42, now = new Date(), scale = 'demo' } = options;
  const base = generateDemoData({ seed, now, accounts: ACCOUNTS_PER_SCALE[scale] });
  const context: DomainContext = { seed, now, scale, ...base, profiles: profileAccounts(base.accounts, base.users, now) };
  return {
    ...base,
    community: generateCommunityDemoData(context),
    learning: generateLearningDemoData(context),
    support: generateSupportDemoData(context),
    contracts: generateContractsDemoData(context),
  };
}
