import { COMPONENT_DEFINITIONS } from '../../subgraphs/accounts/health/components';
import { arrChange } from '../../subgraphs/accounts/health/signals';

function terms(...nodes: Array<{ status: string; amountMinor: number; currency?: string }>) {
  return { contracts: { edges: nodes.map(({ status, amountMinor, currency = 'USD' }) => ({ node: { status, arr: { amountMinor, currency } } })) } };
}

describe('the ARR change component', () => {
  it('compares the newest term with the one before it', () => {
    expect(arrChange(terms({ status: 'ACTIVE', amountMinor: 120_000 }, { status: 'EXPIRED', amountMinor: 100_000 }))).toBeCloseTo(0.2, 10);
    expect(arrChange(terms({ status: 'ACTIVE', amountMinor: 75_000 }, { status: 'EXPIRED', amountMinor: 100_000 }))).toBeCloseTo(-0.25, 10);
  });

  it('counts a contract that ended or was cancelled without renewal as all ARR lost', () => {
    expect(arrChange(terms({ status: 'CANCELLED', amountMinor: 100_000 }, { status: 'EXPIRED', amountMinor: 90_000 }))).toBe(-1);
    expect(arrChange(terms({ status: 'EXPIRED', amountMinor: 100_000 }))).toBe(-1);
  });

  it('has no value for a first term, another currency or no contract at all', () => {
    expect(arrChange(terms({ status: 'ACTIVE', amountMinor: 100_000 }))).toBeNull();
    expect(arrChange(terms({ status: 'ACTIVE', amountMinor: 100_000 }, { status: 'EXPIRED', amountMinor: 9_000_000, currency: 'JPY' }))).toBeNull();
    expect(arrChange({ contracts: null })).toBeNull();
    expect(arrChange(terms())).toBeNull();
  });

  it('reads as a person would say it', () => {
    const { reason } = COMPONENT_DEFINITIONS.ARR_CHANGE;
    expect(reason(0.2)).toBe('ARR up 20% at the last renewal');
    expect(reason(-0.25)).toBe('ARR down 25% at the last renewal');
    expect(reason(-1)).toBe('Contract ended without renewal');
  });
});
