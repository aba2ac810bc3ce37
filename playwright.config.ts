import { defineConfig } from '@playwright/test';
import { EMBED_HOST_ORIGIN } from './e2e/embed-origins.ts';

const PORTAL_SPECS = [/embed\.spec\.ts$/, /storage-after-flows\.spec\.ts$/];

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
  // Two spec files at a time: most of a browser test is waiting on the page, so on 2 cores this
  // takes the run from 8 to about 5 minutes. The specs that serve a portal on the fixed embed
  // ports (see embed-origins.ts) run one at a time, in their own project.
  workers: 2,
  projects: [
    { name: 'app', testIgnore: PORTAL_SPECS },
    { name: 'portal', testMatch: PORTAL_SPECS, workers: 1 },
  ],
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
