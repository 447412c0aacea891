import type { ExternalId } from '../../subgraphs/accounts/model';
import type { Random } from './random';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';

/** Ids shaped like the ones Salesforce and Zendesk hand out, never repeated within one dataset. */
export interface ExternalIdFactory {
  salesforceAccount(): ExternalId;
  salesforceContact(): ExternalId;
  zendeskOrganization(): ExternalId;
  zendeskUser(): ExternalId;
}

export function createExternalIdFactory(random: Random): ExternalIdFactory {
  const issued = new Set<string>();
  const characters = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet.charAt(random.int(0, alphabet.length - 1))).join('');

  const issue = (source: string, makeId: () => string): ExternalId => {
    for (;;) {
      const id = makeId();
      if (!issued.has(`${source}:${id}`)) {
        issued.add(`${source}:${id}`);
        return { source, id };
      }
    }
  };

  return {
    // Salesforce prefixes ids with the object type: 001 accounts, 003 contacts.
    salesforceAccount: () => issue('salesforce', () => `001${characters(ALPHANUMERIC, 15)}`),
    salesforceContact: () => issue('salesforce', () => `003${characters(ALPHANUMERIC, 15)}`),
    zendeskOrganization: () => issue('zendesk', () => `360${characters(DIGITS, 9)}`),
    zendeskUser: () => issue('zendesk', () => `38${characters(DIGITS, 11)}`),
  };
}

export { withExternalKeys } from '../../subgraphs/kit/records';
