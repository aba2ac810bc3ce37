import { defineConfig } from '@playwright/test';
import { EMBED_HOST_ORIGIN } from './e2e/embed-origins.ts';

// Debian's Chromium: browsers are never downloaded here. The flags keep it from
// calling home, which this machine's closed network would refuse anyway.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: 'http://localhost:4173/',
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: 'http://localhost:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // The embedding tests frame the app from a host page on this origin (see e2e/embed.spec.ts).
    env: { VITE_EMBED_ORIGINS: EMBED_HOST_ORIGIN },
  },
});
