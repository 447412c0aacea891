import type { Browser, Page } from 'playwright-core';
import { generateDemoDataset } from '../../scripts/demo-data/dataset';
import { loadDemoData } from '../../scripts/demo-data/load';
import { buildAccount, buildUser } from '../helpers/factories';
import { searchFollowing, searchUntil } from '../helpers/search';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { daysAgo } from '../helpers/time';
import { launchChromium, openPage, saveScreenshot, type PageProblems } from './portal-browser';

interface DemoUserView {
  kind: string;
  subject: string;
  name: string;
  role: 'staff' | 'customer';
  account: { id: string; name: string; tenureDays: number | null } | null;
}

interface ExpectedHome {
  viewer: {
    user: { journey: { stage: string; atRisk: boolean; userTenureDays: number; reasons: Array<{ stage: string | null; met: boolean; text: string }> } };
    account: { tenureDays: number | null; onboarding: { stage: string; totalCount: number; tasks: Array<{ key: string; done: boolean; how: string | null }> } | null };
  };
}

const EXPECTED_HOME = `{
  viewer {
    user { journey { stage atRisk userTenureDays reasons { stage met text } } }
    account { tenureDays onboarding { stage totalCount tasks { key done how } } }
  }
}`;

interface ExpectedRecommendations {
  viewer: {
    user: {
      journey: {
        recommendations: Array<{ reason: string; item: { __typename: string; title: string; url?: string | null; onlineUrl?: string | null } | null }>;
      };
    };
  };
}

// The graph's default count, as the portal asks for it.
const EXPECTED_RECOMMENDATIONS = `{
  viewer { user { journey { recommendations { reason item {
    __typename
    ... on Course { title }
    ... on Article { title url }
    ... on Post { title }
    ... on Event { title onlineUrl }
  } } } } }
}`;

interface ShownRecommendation {
  kind: string;
  title: string;
  href: string | null;
  reason: string;
  reasonIsPlainText: boolean;
}

const SEARCH_TERM = 'Salesforce';

function humanize(enumValue: string): string {
  const words = enumValue.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

describe('the reference portal at /portal, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let portalUrl: string;
  let demoUsers: DemoUserView[];

  beforeAll(async () => {
    stack = await startStack({
      config: searchFollowing(),
      arrange: async (target) => {
        await loadDemoData(target, generateDemoDataset());
      },
    });
    // As `npm start` does: scores exist only after a recompute, and journey stages read them.
    await stack.query('mutation { recomputeHealth { status } }', { token: await stack.staffToken() });
    portalUrl = stack.gatewayUrl.replace(/\/graphql$/, '/portal');
    demoUsers = ((await (await fetch(`${portalUrl}/demo-users`)).json()) as { users: DemoUserView[] }).users;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function demoUser(kind: string): DemoUserView {
    const user = demoUsers.find((candidate) => candidate.kind === kind);
    if (!user) throw new Error(`the demo users hold no ${kind} user: ${JSON.stringify(demoUsers)}`);
    return user;
  }

  async function tokenOf(user: DemoUserView): Promise<string> {
    return stack.customerToken(user.account?.id ?? '', user.subject);
  }

  /** What the graph says about the user, read apart from the page. */
  async function expectedHome(user: DemoUserView): Promise<ExpectedHome['viewer']> {
    const result = await stack.query<ExpectedHome>(EXPECTED_HOME, { token: await tokenOf(user) });
    expect(result.errors).toBeUndefined();
    return result.data!.viewer;
  }

  /** Opens /portal, picks the demo user and waits for their home page. */
  async function openHomeOf(kind: string): Promise<{ page: Page; problems: PageProblems }> {
    const opened = await openPage(browser);
    await opened.page.goto(portalUrl);
    await opened.page.locator('body[data-ready="true"]').waitFor();
    await opened.page.getByTestId(`demo-user-${kind}`).click();
    await opened.page.locator('#home').waitFor({ state: 'visible' });
    return opened;
  }

  async function firstSection(page: Page): Promise<string | null> {
    return page.locator('#sections > :first-child').getAttribute('data-section');
  }

  /** The hero shows the graph's stage, tenure, risk and deciding reasons. */
  async function expectHeroMatches(page: Page, expected: ExpectedHome['viewer']): Promise<void> {
    const { journey } = expected.user;
    await expect(page.getByTestId('stage').getAttribute('data-stage')).resolves.toBe(journey.stage);
    await expect(page.getByTestId('stage').textContent()).resolves.toBe(humanize(journey.stage));
    await expect(page.getByTestId('account-tenure').getAttribute('data-days')).resolves.toBe(String(expected.account.tenureDays));
    await expect(page.getByTestId('user-tenure').getAttribute('data-days')).resolves.toBe(String(journey.userTenureDays));
    await expect(page.getByTestId('at-risk').count()).resolves.toBe(journey.atRisk ? 1 : 0);
    const deciding = journey.reasons.filter((reason) => reason.met && reason.stage === journey.stage).map((reason) => reason.text);
    await expect(page.getByTestId('stage-reasons').locator('li').allTextContents()).resolves.toEqual(deciding);
  }

  it('lists demo users of clearly different tenure, picked from the data', async () => {
    const firstWeeks = demoUser('first-weeks').account!;
    const established = demoUser('established').account!;
    expect(firstWeeks.tenureDays).toBeLessThanOrEqual(45);
    expect(established.tenureDays).toBeGreaterThanOrEqual(180);
    expect(demoUser('staff').role).toBe('staff');

    const { page, problems } = await openPage(browser);
    await page.goto(portalUrl);
    await page.locator('body[data-ready="true"]').waitFor();
    await expect(page.locator('.user-name').allTextContents()).resolves.toEqual(demoUsers.map((user) => user.name));
    await saveScreenshot(page, 'portal-sign-in');
    expect(problems.messages).toEqual([]);
  });

  it('leads with the onboarding checklist for a customer in their first weeks, and not for an established one', async () => {
    const newcomer = await expectedHome(demoUser('first-weeks'));
    const veteran = await expectedHome(demoUser('established'));
    expect(newcomer.user.journey.stage).toBe('ONBOARDING');
    expect(veteran.user.journey.stage).not.toBe('ONBOARDING');

    const first = await openHomeOf('first-weeks');
    await expectHeroMatches(first.page, newcomer);
    await expect(first.page.locator('body').getAttribute('data-stage')).resolves.toBe('ONBOARDING');
    await expect(firstSection(first.page)).resolves.toBe('checklist');
    const checklist = first.page.getByTestId('checklist');
    await expect(checklist.getAttribute('data-prominent')).resolves.toBe('true');
    await expect(checklist.getByRole('heading', { name: 'Your onboarding checklist' }).isVisible()).resolves.toBe(true);
    await expect(checklist.locator('.task').count()).resolves.toBe(newcomer.account.onboarding!.totalCount);
    await saveScreenshot(first.page, 'portal-first-weeks');

    const second = await openHomeOf('established');
    await expectHeroMatches(second.page, veteran);
    await expect(second.page.locator('body').getAttribute('data-stage')).resolves.toBe(veteran.user.journey.stage);
    await expect(second.page.locator('[data-testid="checklist"][data-prominent="true"]').count()).resolves.toBe(0);
    await expect(second.page.locator('.task').first().isVisible()).resolves.toBe(false);
    const veteranFirst = await firstSection(second.page);
    expect(veteranFirst).not.toBe('checklist');
    if (veteran.user.journey.stage === 'RENEWAL') expect(veteranFirst).toBe('renewal');
    await saveScreenshot(second.page, 'portal-established');

    expect(first.problems.messages).toEqual([]);
    expect(second.problems.messages).toEqual([]);
  });

  it('leads with the renewal for a customer whose renewal is near', async () => {
    const expected = await expectedHome(demoUser('near-renewal'));
    expect(expected.user.journey.stage).toBe('RENEWAL');

    const { page, problems } = await openHomeOf('near-renewal');
    await expectHeroMatches(page, expected);
    await expect(firstSection(page)).resolves.toBe('renewal');
    await expect(page.getByTestId('section-renewal').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="checklist"][data-prominent="true"]').count()).resolves.toBe(0);
    await saveScreenshot(page, 'portal-near-renewal');
    expect(problems.messages).toEqual([]);
  });

  /** The recommendations the graph gives the user, as the page should show them: kind, title, link and reason, best first. */
  async function expectedRecommendations(user: DemoUserView): Promise<ShownRecommendation[]> {
    const result = await stack.query<ExpectedRecommendations>(EXPECTED_RECOMMENDATIONS, { token: await tokenOf(user) });
    expect(result.errors).toBeUndefined();
    return result.data!.viewer.user.journey.recommendations.flatMap(({ reason, item }) => {
      if (!item) return [];
      const url = item.url ?? item.onlineUrl ?? null;
      return [{ kind: item.__typename, title: item.title, href: url === null ? null : new URL(url).href, reason, reasonIsPlainText: true }];
    });
  }

  async function shownRecommendations(page: Page): Promise<ShownRecommendation[]> {
    return page.getByTestId('recommendation').evaluateAll((items) =>
      items.map((item) => {
        const reason = item.querySelector('[data-testid="recommendation-reason"]');
        return {
          kind: item.getAttribute('data-kind') ?? '',
          title: item.querySelector('.recommendation-title')?.textContent ?? '',
          href: item.querySelector('a.recommendation-title')?.getAttribute('href') ?? null,
          reason: reason?.textContent ?? '',
          // Text, never markup: a reason parsed as HTML would leave elements behind.
          reasonIsPlainText: reason !== null && reason.childElementCount === 0,
        };
      }));
  }

  it('shows each customer the recommendations the journey gives them, with their reasons, after what leads at their stage', async () => {
    const shownCounts: Record<string, number> = {};
    for (const kind of ['first-weeks', 'established', 'near-renewal']) {
      const expected = await expectedRecommendations(demoUser(kind));
      const { page, problems } = await openHomeOf(kind);
      const section = page.getByTestId('section-recommendations');
      await expect(section.getByRole('heading', { name: 'Recommended for you' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('#sections > :nth-child(2)').getAttribute('data-section')).resolves.toBe('recommendations');
      await expect(shownRecommendations(page)).resolves.toEqual(expected);
      if (expected.length === 0) await expect(section.getByTestId('recommendations-empty').textContent()).resolves.toBe('Nothing to recommend right now.');
      else await expect(section.getByTestId('recommendations-empty').count()).resolves.toBe(0);
      shownCounts[kind] = expected.length;
      if (kind === 'first-weeks') {
        await section.scrollIntoViewIfNeeded();
        await saveScreenshot(page, 'portal-recommendations');
      }
      expect(problems.messages).toEqual([]);
    }
    expect(shownCounts['first-weeks']).toBeGreaterThan(0);
  });

  it('ticks off an onboarding task by hand through the mutation', async () => {
    const user = demoUser('first-weeks');
    const openTask = (await expectedHome(user)).account.onboarding!.tasks.find((task) => !task.done);
    expect(openTask).toBeDefined();

    const { page, problems } = await openHomeOf('first-weeks');
    await page.getByTestId(`complete-${openTask!.key}`).click();
    await page.locator(`[data-task="${openTask!.key}"][data-done="true"]`).waitFor();

    const after = (await expectedHome(user)).account.onboarding!.tasks.find((task) => task.key === openTask!.key);
    expect(after).toMatchObject({ done: true, how: 'MANUAL' });
    expect(problems.messages).toEqual([]);
  });

  it('suggests as the user types and shows highlighted results of the cross-search', async () => {
    const user = demoUser('first-weeks');
    const indexed = await searchUntil(stack, await tokenOf(user), { query: SEARCH_TERM, first: 10 }, (view) => view.totalCount > 0, 20_000);
    expect(indexed.totalCount).toBeGreaterThan(0);

    const { page, problems } = await openHomeOf('first-weeks');
    const input = page.locator('#search-input');
    await input.pressSequentially(SEARCH_TERM.slice(0, 6), { delay: 30 });
    const suggestions = page.locator('#search-suggestions [role="option"]');
    await suggestions.first().waitFor();
    expect((await suggestions.allTextContents()).some((text) => text.toLowerCase().includes(SEARCH_TERM.toLowerCase()))).toBe(true);

    await input.fill(SEARCH_TERM);
    await input.press('Enter');
    const marks = page.getByTestId('search-hit').locator('mark');
    await marks.first().waitFor();
    await expect(page.getByTestId('search-count').textContent()).resolves.toBe(`${indexed.totalCount} results`);
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toContain(SEARCH_TERM.toLowerCase());
    // Highlights are elements, never escaped markup shown as text.
    for (const text of await page.getByTestId('search-snippet').allTextContents()) expect(text).not.toContain('<mark>');
    const firstTitle = indexed.edges[0]!.node.item!;
    await expect(page.getByTestId('search-hit').first().locator('.hit-title').textContent()).resolves.toBe(firstTitle.title ?? firstTitle.subject);
    await saveScreenshot(page, 'portal-search');
    expect(problems.messages).toEqual([]);
  });

  it('shows a staff member the accounts by health', async () => {
    const { page, problems } = await openHomeOf('staff');
    await expect(firstSection(page)).resolves.toBe('accounts');
    await expect(page.getByTestId('section-accounts').locator('tbody tr').count()).resolves.toBe(8);
    await saveScreenshot(page, 'portal-staff');
    expect(problems.messages).toEqual([]);
  });
});

describe('the portal of a production hub, in Chromium', () => {
  const account = buildAccount({ name: 'Production Customer Ltd', customerSince: daysAgo(12) });
  const user = buildUser(account, { name: 'Pat Pasted', persona: 'ADMIN' });
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ config: testConfig({ NODE_ENV: 'production' }), arrange: (target) => seedAccounts(target, [account], [user]) });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('offers no demo users and signs in with a pasted token instead', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/portal'));
    await page.locator('body[data-ready="true"]').waitFor();
    await expect(page.locator('#demo-users-section').isVisible()).resolves.toBe(false);
    await expect(page.locator('#token-hint').textContent()).resolves.toMatch(/no demo users/);

    await page.locator('#token-input').fill(await stack.customerToken(account._id, user._id));
    await page.getByRole('button', { name: 'Open the portal' }).click();
    await page.locator('#home').waitFor({ state: 'visible' });
    await expect(page.locator('#hero h1').textContent()).resolves.toBe('Hello, Pat Pasted');
    await expect(page.getByTestId('account-tenure').getAttribute('data-days')).resolves.toBe('12');
    await saveScreenshot(page, 'portal-production-token');
    // The 404 of /portal/demo-users is the expected answer in production, logged by the browser.
    expect(problems.messages.filter((message) => !message.includes('404'))).toEqual([]);
  });
});
