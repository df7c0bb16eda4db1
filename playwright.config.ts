import { defineConfig, devices } from '@playwright/test';
import { EMBEDDED_PORT, POSTGRES_PORT } from './e2e/support/state';

// Debian's Chromium: Playwright cannot download its own browser here.
const chromium = {
  ...devices['Desktop Chrome'],
  locale: 'ar-IQ',
  timezoneId: 'Asia/Baghdad',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${POSTGRES_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: chromium },
    { name: 'chromium', testIgnore: /embedded\//, dependencies: ['setup'], use: chromium },
    { name: 'embedded', testMatch: /embedded\/.*\.spec\.ts/, use: { ...chromium, baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } },
  ],
  webServer: [
    {
      command: `node --import tsx e2e/support/start-server.ts postgres ${POSTGRES_PORT}`,
      url: `http://127.0.0.1:${POSTGRES_PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx e2e/support/start-server.ts embedded ${EMBEDDED_PORT}`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
