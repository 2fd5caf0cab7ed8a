import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { seedFixture } from './fixture-site.ts';
import { openTestSite, type TestSite } from './test-runtime.ts';

/**
 * Debian's Chromium, launched as this machine needs it (never a downloaded browser).
 * Playwright's launch() gives every run a fresh, empty profile of its own.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Browser tests run when scripts/test.sh found Chromium (CI installs it and fails without it). */
export const browserSkip = process.env.FOLIO_TEST_BROWSER === '0' ? 'no /usr/bin/chromium (scripts/test.sh reports it)' : false;

/** A fixture site listening on a free local port, and Chromium to visit it. */
export interface BrowserSite {
  readonly site: TestSite;
  readonly browser: Browser;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  close(): Promise<void>;
}

/** Opens the fixture newspaper on a real port (with `env` for its config) and launches Chromium. */
export async function openBrowserSite(env: NodeJS.ProcessEnv = {}, prepare?: (site: TestSite) => Promise<void>): Promise<BrowserSite> {
  const site = await openTestSite('sqlite', seedFixture, env);
  if (prepare) await prepare(site);
  await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(site.folio.app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    site, browser, base,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
