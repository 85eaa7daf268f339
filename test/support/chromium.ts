// Debian's Chromium for the browser tests: where it is, whether the tests run without it, and
// how it is started.
import fs from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

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

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** No serious or critical WCAG 2.1 AA violation on the page as it is now (the page needs setBypassCSP). */
export async function toegankelijk(page: Page) {
  await page.addScriptTag({ content: AXE });
  const overtredingen = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect({ pagina: page.url(), overtredingen }).toEqual({ pagina: page.url(), overtredingen: [] });
}

/** Presses the button with exactly these words, waits for the page it leads to, and checks that page. */
export async function druk(page: Page, woorden: string) {
  const i = await page.$$eval('button', (ks, w) => ks.findIndex((k) => k.textContent?.trim() === w), woorden);
  if (i < 0) throw new Error(`no button "${woorden}" on ${page.url()}`);
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((i) => (document.querySelectorAll('button')[i] as HTMLButtonElement).click(), i),
  ]);
  await toegankelijk(page);
}
