import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  retries: process.env.CI ? 2 : 0,
  use: {
    baseURL: 'https://api-sandbox.asaas.com/v3/',
    extraHTTPHeaders: {
      'access_token': '⟦pw.hmlg⟧',
      'X-Run-Id': '⟦pw.run⟧',
    },
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'iugu', use: { baseURL: 'https://api.iugu.com/v1/', httpCredentials: { username: '⟦pw.iugu⟧', password: '' } } },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
  ],
});
