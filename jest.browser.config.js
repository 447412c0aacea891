/**
 * `npm run test:browser`: tests that drive Debian's Chromium through playwright-core
 * (install it with scripts/install-browser.sh). One at a time: each starts a hub and a browser.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  maxWorkers: 1,
};
