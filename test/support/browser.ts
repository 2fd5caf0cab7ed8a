import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, launched as this machine needs it (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'folio-chromium-'))}`,
    ],
  });
}

/** Browser tests run when scripts/test.sh found Chromium (CI installs it and fails without it). */
export const browserSkip = process.env.FOLIO_TEST_BROWSER === '0' ? 'no /usr/bin/chromium (scripts/test.sh reports it)' : false;
