import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, launched as this machine needs it (never a downloaded browser).
 * Playwright's launch() gives every run a fresh, empty profile of its own.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Browser tests run when scripts/test.sh found Chromium (CI installs it and fails without it). */
export const browserSkip = process.env.FOLIO_TEST_BROWSER === '0' ? 'no /usr/bin/chromium (scripts/test.sh reports it)' : false;
