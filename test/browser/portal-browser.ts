import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, installed by scripts/install-browser.sh. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Screenshots for people to look at; gitignored, kept by CI as artifacts. */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PageProblems {
  /** Uncaught exceptions, console errors and Content-Security-Policy violations. */
  readonly messages: string[];
}

/** A fresh page whose script errors and CSP violations are collected, so a test can assert there were none. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  // Everything here answers within a second or two; a failure should not wait Playwright's 30 s.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: PageProblems = { messages: [] };
  page.on('pageerror', (error) => problems.messages.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.messages.push(`console error: ${message.text()}`);
  });
  return { page, problems };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
