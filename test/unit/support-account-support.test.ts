import { accountSupportFrom, medianOf } from '../../subgraphs/support/account-support';
import type { AccountSignals } from '../../subgraphs/support/signals-repository';

const MINUTE_MS = 60_000;

function signals(overrides: Partial<AccountSignals> = {}): AccountSignals {
  return { openTickets: 0, urgentOpen: 0, rated90d: 0, good90d: 0, firstResponseMs: [], ticketsCreated30d: 0, articleViews30d: 0, ...overrides };
}

describe('medianOf', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(medianOf([30, 10, 20])).toBe(20);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(medianOf([40, 10, 30, 20])).toBe(25);
  });

  it('has no median for no values', () => {
    expect(medianOf([])).toBeNull();
  });
});

describe('accountSupportFrom', () => {
  it('turns counts into shares and milliseconds into whole minutes', () => {
    expect(
      accountSupportFrom(
        signals({
          openTickets: 7,
          urgentOpen: 2,
          rated90d: 4,
          good90d: 3,
          firstResponseMs: [10 * MINUTE_MS, 95 * MINUTE_MS + 20_000, 600 * MINUTE_MS],
          ticketsCreated30d: 10,
          articleViews30d: 30,
        }),
      ),
    ).toEqual({ openTickets: 7, urgentOpen: 2, csat90d: 0.75, medianFirstResponseMinutes: 95, selfServiceRate: 0.75 });
  });

  it('reports null shares, never zero, when there is nothing to divide', () => {
    expect(accountSupportFrom(signals())).toEqual({
      openTickets: 0,
      urgentOpen: 0,
      csat90d: null,
      medianFirstResponseMinutes: null,
      selfServiceRate: null,
    });
  });

  it('counts an account that only reads the help center as fully self-served', () => {
    expect(accountSupportFrom(signals({ articleViews30d: 12 })).selfServiceRate).toBe(1);
    expect(accountSupportFrom(signals({ ticketsCreated30d: 3 })).selfServiceRate).toBe(0);
  });
});
