import type { ExternalId } from '../../subgraphs/contracts/model';
import type { Random } from './random';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Salesforce-shaped ids for contracts and opportunities, never repeated within one dataset. */
export interface SalesforceIdFactory {
  contract(): ExternalId;
  opportunity(): ExternalId;
}

export function createSalesforceIdFactory(random: Random): SalesforceIdFactory {
  const issued = new Set<string>();
  const issue = (prefix: string): ExternalId => {
    for (;;) {
      const id = prefix + Array.from({ length: 15 }, () => ALPHANUMERIC.charAt(random.int(0, ALPHANUMERIC.length - 1))).join('');
      if (!issued.has(id)) {
        issued.add(id);
        return { source: 'salesforce', id };
      }
    }
  };
  // Salesforce prefixes ids with the object type: 800 contracts, 006 opportunities.
  return { contract: () => issue('800'), opportunity: () => issue('006') };
}

