// Debian's Chromium for the browser tests: where it is, whether the tests run without it, and
// how it is started.
import fs from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const CHROMIUM = process.env.KRING_CHROMIUM ?? '/usr/bin/chromium';
const aanwezig = fs.existsSync(CHROMIUM);
if (!aanwezig && process.env.KRING_BROWSER_TESTS === 'verplicht') {
  throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium, or set KRING_CHROMIUM`);
}
// Without a browser on this machine (and not required): say so, rather than pretend.
if (!aanwezig) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

/** `describe` when Chromium is here, `describe.skip` when it is not (and not required). */
export const metBrowser = aanwezig ? describe : describe.skip;

export function startChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
