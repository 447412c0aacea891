import { buildAccount } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const RECOMPUTE = `mutation($wait: Int) { recomputeHealth(waitSeconds: $wait) { status startedAt accountsScored durationMs } }`;

/** A recompute of a large dataset outlasts a request: the answer then says RUNNING and the run goes on. */
describe('recomputeHealth waits only as long as asked', () => {
  let stack: Stack;
  const accounts = Array.from({ length: 6 }, () => buildAccount());

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, accounts);
  });
  afterAll(() => stack.stop());

  it('answers RUNNING without waiting, then the scores arrive in the background', async () => {
    const token = await stack.staffToken();
    const started = await stack.query<any>(RECOMPUTE, { token, variables: { wait: 0 } });
    expect(started.errors).toBeUndefined();
    expect(started.data.recomputeHealth).toMatchObject({ status: 'RUNNING', accountsScored: null, durationMs: null });
    expect(Date.parse(started.data.recomputeHealth.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    let scored = 0;
    for (let attempt = 0; attempt < 50 && scored < accounts.length; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const list = await stack.query<any>(`{ healthDistribution { total } }`, { token });
      scored = list.data.healthDistribution.total;
    }
    expect(scored).toBe(accounts.length);
  });

  it('answers COMPLETED with the summary when the run finishes within the wait', async () => {
    const result = await stack.query<any>(RECOMPUTE, { token: await stack.staffToken(), variables: { wait: 30 } });
    expect(result.data.recomputeHealth).toMatchObject({ status: 'COMPLETED', accountsScored: accounts.length });
    expect(result.data.recomputeHealth.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects a wait above 60 seconds naming the argument, and customers entirely', async () => {
    const tooLong = await stack.query(RECOMPUTE, { token: await stack.staffToken(), variables: { wait: 61 } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waitSeconds' });
    const customer = await stack.query(RECOMPUTE, { token: await stack.customerToken(accounts[0]!._id, 'usr_x'), variables: { wait: 0 } });
    expect(customer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
