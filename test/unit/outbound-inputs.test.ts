import { createWebhookSubscriptionInput, webhookUrl } from '../../subgraphs/integrations/outbound/inputs';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('webhook subscription input', () => {
  it.each([
    ['https://hooks.example.com/customer-hub', true, true],
    ['http://localhost:8080/hooks', true, true],
    ['http://127.0.0.1:8080/hooks', true, true],
    ['http://[::1]:8080/hooks', true, true],
    ['http://hooks.example.com/customer-hub', true, false],
    ['http://hooks.example.com/customer-hub', false, true],
    ['ftp://hooks.example.com/customer-hub', false, false],
    ['hooks.example.com/customer-hub', false, false],
    ['https://user:password@hooks.example.com/', false, false],
  ])('takes %s in production=%s: %s', (url, isProduction, isAccepted) => {
    expect(webhookUrl(isProduction).safeParse(url).success).toBe(isAccepted);
  });

  it('names every bad field at once', () => {
    const result = createWebhookSubscriptionInput(true).safeParse({ url: 'http://hooks.example.com/', events: [], secret: 'whsec_c2hvcnQ=' });
    expect(issuesOf(result)).toEqual([
      { path: 'url', message: 'must be an https URL (http only for localhost, or outside production)' },
      { path: 'events', message: 'must list at least one event type' },
      { path: 'secret', message: 'must be whsec_ followed by the base64 of 24 to 64 random bytes' },
    ]);
  });

  it('drops repeated event types and treats a null secret and description as not given', () => {
    const result = createWebhookSubscriptionInput(true).parse({
      url: ' https://hooks.example.com/ ',
      events: ['USER_DORMANT', 'USER_DORMANT', 'RENEWAL_UPCOMING'],
      secret: null,
      description: null,
    });
    expect(result).toEqual({ url: 'https://hooks.example.com/', events: ['USER_DORMANT', 'RENEWAL_UPCOMING'], secret: undefined, description: undefined });
  });
});
