// index.html opened from disk in Debian's Chromium, collecting every console error, page error and
// network request (a self-contained report makes none).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why a browser test is skipped: only outside CI when Chromium is missing; in CI (.ci/run installs it) a missing browser fails. */
export const noBrowser = !existsSync(CHROMIUM) && !process.env.CI && `no ${CHROMIUM} (apt-get install -y chromium)`;

export interface ReportPage {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

export async function openReport(html: string): Promise<ReportPage> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1300, height: 1700 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`network request ${r.url()}`));
  await page.goto(`file://${html}`);
  return { page, problems, close: () => browser.close() };
}
