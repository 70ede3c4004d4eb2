/**
 * A headless-Chromium harness for tests: open an HTML or SVG document with no
 * network access, collect what went wrong, and query the DOM.
 *
 * Uses the system Chromium (Debian package `chromium`, `/usr/bin/chromium`,
 * or `$CHROMIUM_PATH`) through playwright-core; it never downloads a browser.
 * Launch once per test file, with {@link useChromium}, and write the tests
 * that need the browser with {@link itInChromium}:
 *
 * - Chromium installed: they run.
 * - Chromium missing on a developer's machine: they are skipped, and the
 *   reporter `test/helpers/browser-notice.ts` says so loudly at the end of
 *   the run, with the command that installs it (so `npm test` passes on a
 *   machine with only Node and npm).
 * - Chromium missing under CI (`CI` set, as `.ci/run` and every CI service
 *   set it): they run and fail with the install instructions.
 *
 * @example
 * const chromium = useChromium();
 * itInChromium('renders', async () => {
 *   const page = await chromium().open({ html: '<!doctype html><p>hi</p>' });
 *   expect(page.problems()).toEqual([]);
 *   expect(await page.count('p')).toBe(1);
 *   await page.close();
 * });
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The one command that installs the browser the tests use (Debian and Ubuntu, as `.ci/run` does). */
export const INSTALL_CHROMIUM = 'apt-get update && apt-get install -y chromium';

/** Whether the environment says it is CI (`CI=true`, `CI=1`; not `CI=false` or `CI=0`). */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Chromium is there to run. */
export const CHROMIUM_FOUND = existsSync(CHROMIUM_PATH);

/** The browser tests must run: Chromium is there, or this is CI, where a missing browser is a failure. */
export const CHROMIUM_REQUIRED = CHROMIUM_FOUND || isCi();

/**
 * `it` for a test that needs Chromium: skipped only when Chromium is
 * missing outside CI (and then reported at the end of the run); under CI a
 * missing browser fails the test.
 */
export const itInChromium: ReturnType<typeof it.skipIf> = it.skipIf(!CHROMIUM_REQUIRED);

/** Flags that keep Chromium from phoning home (such connections are refused here and only add noise and delay). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
];

/** URLs a page may load: its own file and inline data. Everything else is blocked and reported. */
const LOCAL_URL = /^(?:file|data|about|blob):/i;

/** What to open: a document as text (written to a temporary file with the matching extension), or an existing file. */
export type DocumentSource = { html: string } | { svg: string } | { file: string };

export interface OpenedPage {
  /** The Playwright page, for anything the helpers below do not cover. */
  readonly page: Page;
  /** Text of `console.error` messages and of errors Chromium logs to the console (such as failed loads). */
  readonly consoleErrors: string[];
  /** Uncaught exceptions in the page's scripts. */
  readonly pageErrors: string[];
  /** Every request to a URL that is not `file:`, `data:`, `about:` or `blob:`; all of them were blocked. */
  readonly requests: string[];
  /** Requests that failed (`url: reason`), blocked ones included. */
  readonly failedRequests: string[];
  /** All of the above as one list of labelled lines: `[]` when the page loaded cleanly. */
  problems(): string[];
  /** XML parser errors Chromium reported for an XML document such as an SVG file (empty when well-formed). */
  parserErrors(): Promise<string[]>;
  /** How many elements match a CSS selector. */
  count(selector: string): Promise<number>;
  /** The value of one attribute on every element matching a selector, in document order. */
  attributes(selector: string, name: string): Promise<(string | null)[]>;
  /** The text content of every element matching a selector, in document order. */
  texts(selector: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface ChromiumHarness {
  readonly browser: Browser;
  /** Open a document in a fresh, isolated browser context and wait for its `load` event. */
  open(source: DocumentSource): Promise<OpenedPage>;
  /** Close the browser and delete the temporary files. */
  close(): Promise<void>;
}

/**
 * Launch the system Chromium. Throws (so the calling test fails, never skips)
 * when Chromium is not installed, saying how to install it.
 */
export async function launchChromium(): Promise<ChromiumHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: install it with ` +
        `\`${INSTALL_CHROMIUM}\` (as .ci/run does), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-chromium-'));
  let files = 0;

  const urlOf = async (source: DocumentSource): Promise<string> => {
    if ('file' in source) return pathToFileURL(source.file).href;
    const path = join(dir, `${++files}.${'svg' in source ? 'svg' : 'html'}`);
    await writeFile(path, 'svg' in source ? source.svg : source.html, 'utf8');
    return pathToFileURL(path).href;
  };

  const open = async (source: DocumentSource): Promise<OpenedPage> => {
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    const failedRequests: string[] = [];
    await context.route('**/*', (route) => (LOCAL_URL.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (!LOCAL_URL.test(request.url())) requests.push(request.url());
    });
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
    page.on('websocket', (socket) => requests.push(socket.url()));
    await page.goto(await urlOf(source), { waitUntil: 'load' });

    return {
      page,
      consoleErrors,
      pageErrors,
      requests,
      failedRequests,
      problems: () => [
        ...consoleErrors.map((e) => `console error: ${e}`),
        ...pageErrors.map((e) => `page error: ${e}`),
        ...requests.map((r) => `request: ${r}`),
        ...failedRequests.map((r) => `failed request: ${r}`),
      ],
      parserErrors: () => page.locator('parsererror').allTextContents(),
      count: (selector) => page.locator(selector).count(),
      attributes: (selector, name) => page.$$eval(selector, (elements, n) => elements.map((e) => e.getAttribute(n)), name),
      texts: (selector) => page.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? '')),
      close: () => context.close(),
    };
  };

  return {
    browser,
    open,
    close: async () => {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Launch Chromium once for the calling test file (in `beforeAll`, closed in
 * `afterAll`) and return a getter for it. When the launch fails, every test
 * that calls the getter fails with the launch error and its install
 * instructions. When Chromium is missing outside CI nothing is launched:
 * the {@link itInChromium} tests are skipped, and reported.
 */
export function useChromium(): () => ChromiumHarness {
  let harness: ChromiumHarness | undefined;
  let failure: unknown;
  beforeAll(async () => {
    if (!CHROMIUM_REQUIRED) return;
    try {
      harness = await launchChromium();
    } catch (error) {
      failure = error;
    }
  }, 90_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (harness) return harness;
    throw failure instanceof Error ? failure : new Error(`Chromium did not start: ${String(failure)}`);
  };
}
