import {
  contractArrMinor,
  contractSeats,
  currentContract,
  isInForceOn,
  lineItemArrMinor,
  summarizeAccountContracts,
  type ContractTerm,
} from '../../subgraphs/contracts/contract-terms';

const NOW = new Date('2026-02-01T00:00:00Z');

function term(overrides: Partial<ContractTerm> & { id?: string } = {}): ContractTerm & { id: string } {
  return {
    id: 'ctr_1',
    accountId: 'acc_1',
    status: 'ACTIVE',
    startDate: new Date('2025-06-01T00:00:00Z'),
    renewalDate: new Date('2026-06-01T00:00:00Z'),
    cancelledAt: null,
    currency: 'USD',
    lineItems: [{ product: 'Plan', seats: 10, unitPriceMinor: 48_000, billingInterval: 'YEAR' }],
    ...overrides,
  };
}

describe('ARR and seats of a contract', () => {
  it('takes a yearly price times seats and a monthly price times seats times 12', () => {
    expect(lineItemArrMinor({ product: 'A', seats: 10, unitPriceMinor: 48_000, billingInterval: 'YEAR' })).toBe(480_000);
    expect(lineItemArrMinor({ product: 'B', seats: 7, unitPriceMinor: 2_500, billingInterval: 'MONTH' })).toBe(210_000);
  });

  it('adds up the line items', () => {
    const lineItems = [
      { product: 'Plan', seats: 40, unitPriceMinor: 110_000, billingInterval: 'YEAR' as const },
      { product: 'Viewer', seats: 10, unitPriceMinor: 1_250, billingInterval: 'MONTH' as const },
    ];
    expect(contractArrMinor({ lineItems })).toBe(4_400_000 + 150_000);
    expect(contractSeats({ lineItems })).toBe(50);
  });
});

describe('isInForceOn', () => {
  it('covers a term from its start date up to, not including, its renewal date', () => {
    const contract = term();
    expect(isInForceOn(contract, new Date('2025-06-01T00:00:00Z'))).toBe(true);
    expect(isInForceOn(contract, new Date('2026-05-31T23:59:59Z'))).toBe(true);
    expect(isInForceOn(contract, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    expect(isInForceOn(contract, new Date('2025-05-31T23:59:59Z'))).toBe(false);
  });

  it('counts expired terms in their past, never pending ones, and cancelled ones until cancelledAt', () => {
    expect(isInForceOn(term({ status: 'EXPIRED' }), NOW)).toBe(true);
    expect(isInForceOn(term({ status: 'PENDING' }), NOW)).toBe(false);
    expect(isInForceOn(term({ status: 'CANCELLED', cancelledAt: new Date('2026-03-01T00:00:00Z') }), NOW)).toBe(true);
    expect(isInForceOn(term({ status: 'CANCELLED', cancelledAt: new Date('2026-01-01T00:00:00Z') }), NOW)).toBe(false);
    expect(isInForceOn(term({ status: 'CANCELLED', cancelledAt: null }), NOW)).toBe(false);
  });
});

describe('currentContract', () => {
  it('is the ACTIVE contract covering now, the latest-starting one if several do', () => {
    const older = term({ id: 'ctr_old', startDate: new Date('2025-03-01T00:00:00Z') });
    const newer = term({ id: 'ctr_new', startDate: new Date('2025-09-01T00:00:00Z') });
    expect(currentContract([older, newer], NOW)?.id).toBe('ctr_new');
    expect(currentContract([newer, older], NOW)?.id).toBe('ctr_new');
  });

  it('is null when only past, future, pending or cancelled contracts exist', () => {
    const past = term({ startDate: new Date('2024-06-01T00:00:00Z'), renewalDate: new Date('2025-06-01T00:00:00Z') });
    const future = term({ startDate: new Date('2026-06-01T00:00:00Z'), renewalDate: new Date('2027-06-01T00:00:00Z') });
    const cancelled = term({ status: 'CANCELLED', cancelledAt: new Date('2026-03-01T00:00:00Z') });
    expect(currentContract([past, future, term({ status: 'PENDING' }), cancelled], NOW)).toBeNull();
  });
});

describe('summarizeAccountContracts', () => {
  it('shows the current contract, its renewal date and seats, and the ARR in force in its currency', () => {
    const main = term({ id: 'ctr_main' });
    const addOn = term({
      id: 'ctr_add_on',
      status: 'ACTIVE',
      startDate: new Date('2025-01-01T00:00:00Z'),
      lineItems: [{ product: 'Add-on', seats: 10, unitPriceMinor: 6_000, billingInterval: 'YEAR' }],
    });
    const otherCurrency = term({ id: 'ctr_jpy', currency: 'JPY', startDate: new Date('2025-02-01T00:00:00Z') });
    const summary = summarizeAccountContracts([main, addOn, otherCurrency], NOW);
    expect(summary.current?.id).toBe('ctr_main');
    expect(summary.arr).toEqual({ amountMinor: 480_000 + 60_000, currency: 'USD' });
    expect(summary.renewalDate).toEqual(new Date('2026-06-01T00:00:00Z'));
    expect(summary.seatsLicensed).toBe(10);
  });

  it('is empty for an account with no contract in force', () => {
    expect(summarizeAccountContracts([], NOW)).toEqual({ current: null, arr: null, renewalDate: null, seatsLicensed: null });
  });
});
