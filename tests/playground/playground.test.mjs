// The playground in Debian's headless Chromium, driven by playwright-core (no downloaded
// browser): serves www/ on 127.0.0.1, loads the bundled sample and the seed page, checks the
// removal table, the reader view and "show removed", saves a screenshot to artifacts/, and
// prints analyze + apply times for the seed page and the largest corpus page. "Show removed" is
// the extension's applier (www/pkg/applier.js, build.sh's copy of extension/applier.js: the test
// checks it is the same file) and the category colours are its COLOURS.
//
// Run by `./build.sh test` after the wasm module is built (www/pkg). Needs /usr/bin/chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW = join(ROOT, 'www');
const SHARED = resolve(process.env.PLAINPAGE_SHARED || join(ROOT, '..', 'shared'));
const ARTIFACTS = join(ROOT, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = (
  process.env.CHROMIUM_FLAGS ||
  '--no-sandbox --headless=new --disable-gpu --disable-background-networking ' +
    '--disable-component-update --no-first-run --disable-dev-shm-usage'
)
  .split(/\s+/)
  .filter(Boolean);
/** The extension's applier (its one table of categories and colours), run in a node vm. */
function extensionApplier() {
  const context = {};
  context.globalThis = context;
  vm.runInNewContext(readFileSync(join(ROOT, 'extension', 'applier.js'), 'utf8'), context);
  return context.PlainPageApplier;
}
const { COLOURS, CATEGORIES: CATEGORY_LIST } = extensionApplier();
const CATEGORIES = new Set(CATEGORY_LIST);
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const SAMPLE_TITLE = 'Night ferry returns to Saltmarsh after eleven-year gap';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
};

let server;
let origin;
let browser;
/** Every request the browser made, and every response that was not 200. */
const requests = [];
const failures = [];
const blockedByCsp = new Set();

/** A static file server for www/, on 127.0.0.1 and a free port. */
function serve() {
  return new Promise((resolveServer) => {
    const srv = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file = normalize(join(WWW, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(WWW + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    srv.listen(0, '127.0.0.1', () => resolveServer(srv));
  });
}

function largestCorpusPage() {
  const dir = join(SHARED, 'corpus', 'readability');
  let best = null;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'source.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { name, file, size };
  }
  assert.ok(best, `no source.html under ${dir}`);
  return best;
}

async function openPlayground() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => requests.push(request.url()));
  // Chromium may announce a request that the frame's Content-Security-Policy then stops
  // before it leaves (the preload scanner starts it): such a request never left the browser.
  page.on('requestfailed', (request) => {
    if (/^(csp|net::ERR_BLOCKED_BY_CSP)$/i.test(request.failure()?.errorText ?? '')) blockedByCsp.add(request.url());
  });
  page.on('response', (response) => {
    if (response.status() !== 200) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: ./build.sh test installs Debian's chromium`);
  }
  if (!existsSync(join(WWW, 'pkg', 'plainpage_bg.wasm'))) {
    throw new Error('www/pkg is not built: run ./build.sh first');
  }
  const copy = join(WWW, 'pkg', 'applier.js');
  if (!existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(ROOT, 'extension', 'applier.js')))) {
    throw new Error('www/pkg/applier.js is not extension/applier.js as it is now: ./build.sh copies it (copy_applier)');
  }
  server = await serve();
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the bundled sample: removal table, reader view, show removed, screenshot', async (t) => {
  const page = await openPlayground();
  await page.selectOption('#sample', 'samples/harbour-gazette.html');
  await page.waitForSelector('#removals tbody tr');

  const rows = await page.$$eval('#removals tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.children, (td) => td.textContent.trim())),
  );
  assert.ok(rows.length >= 5, `expected at least 5 removals, got ${rows.length}`);
  for (const [, category, reason, preview] of rows) {
    assert.ok(CATEGORIES.has(category), `unknown category ${category}`);
    assert.ok(reason.length > 0, 'a removal without a reason');
    assert.ok(preview.length > 0, 'a removal without a preview');
  }
  const seen = new Set(rows.map((row) => row[1]));
  for (const category of CATEGORIES) {
    assert.ok(seen.has(category), `the sample should show a ${category} removal`);
  }
  // Each category cell and count chip in its colour from applier.js.
  const colours = await page.$$eval('#removals tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.category, getComputedStyle(tr.querySelector('td.category')).color]));
  for (const [category, colour] of colours) assert.equal(colour, rgb(COLOURS[category]), `${category} cell colour`);
  const chips = await page.$$eval('#counts .chip', (els) => els.map((el) => [el.textContent.split(' ')[0], getComputedStyle(el).backgroundColor]));
  assert.equal(chips.length, seen.size);
  for (const [category, colour] of chips) assert.equal(colour, rgb(COLOURS[category]), `${category} chip colour`);
  t.diagnostic(`sample: ${rows.length} removals (${[...seen].join(', ')})`);

  // The cleaned page keeps the article and drops the chrome.
  const cleaned = page.frameLocator('#cleaned');
  await assert.doesNotReject(cleaned.locator('h1', { hasText: SAMPLE_TITLE }).waitFor());
  const cleanedText = await cleaned.locator('body').innerText();
  assert.ok(!cleanedText.includes('Sign up for our newsletter'), 'the newsletter box is still there');
  assert.ok(cleanedText.includes('north quay at half past eleven'), 'the article lost a paragraph');

  // Reader view shows the article title.
  await page.click('#tab-reader');
  const reader = page.frameLocator('#reader');
  await reader.locator('h1', { hasText: SAMPLE_TITLE }).waitFor();
  const readerText = await reader.locator('body').innerText();
  assert.ok(readerText.includes('Tickets go on sale at the quay office'), 'reader view lost a paragraph');
  assert.ok(!readerText.includes('Related stories'), 'reader view shows the related rail');

  // Clicking a removal outlines it in the original page.
  await page.click('#removals tbody tr[data-category="newsletter"]');
  const removed = page.frameLocator('#removed');
  const focused = removed.locator('[data-plainpage-focus]');
  await focused.waitFor();
  assert.equal(await focused.getAttribute('data-plainpage-removed'), 'newsletter');
  const style = await focused.getAttribute('style');
  assert.match(style, /outline/, 'the removed block is not outlined');
  assert.equal(await focused.evaluate((el) => getComputedStyle(el).outlineColor), rgb(COLOURS.newsletter), 'outline colour');
  assert.ok(await focused.isVisible(), 'the outlined block is not visible');
  const apply = await page.textContent('#timing-rows tr[data-pass="apply"] td.num');
  assert.match(apply, /^\d+\.\d\d$/, `no apply timing: ${apply}`);

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'playground.png'), fullPage: true });
  t.diagnostic(`screenshot: ${join(ARTIFACTS, 'playground.png')}`);
  await page.close();
});

test('the seed page opened from disk', async () => {
  const page = await openPlayground();
  await page.setInputFiles('#file', join(SHARED, 'seed', 'inkl-article.html'));
  await page.waitForSelector('#removals tbody tr');
  const metadata = JSON.parse(readFileSync(join(SHARED, 'seed', 'expected-metadata.json'), 'utf8'));
  await page.click('#tab-reader');
  await page.frameLocator('#reader').locator('h1', { hasText: metadata.title }).waitFor();
  const cleanedText = await page.frameLocator('#cleaned').locator('body').innerText();
  for (const phrase of readFileSync(join(SHARED, 'seed', 'chrome-phrases.txt'), 'utf8').split('\n')) {
    if (phrase.trim()) assert.ok(!cleanedText.includes(phrase.trim()), `cleaned page says ${phrase}`);
  }
  const status = await page.textContent('#status');
  assert.ok(!status.includes('error'), status);
  await page.close();
});

test('pasted HTML', async () => {
  const page = await openPlayground();
  const html =
    '<!DOCTYPE html><html><head><title>Pasted</title></head><body><article><h1>Pasted story</h1>' +
    '<p>The council met on Tuesday evening and agreed, after a long debate, to keep the ferry ' +
    'running through the winter, with a smaller boat on the quieter days of the week.</p>' +
    '<p>Fares will stay the same until the spring, when the council will look at the numbers ' +
    'again, and decide whether the winter service should become a permanent one.</p></article>' +
    '<div class="newsletter"><p>Sign up for our newsletter</p><form><input type="email">' +
    '<button>Subscribe</button></form></div></body></html>';
  await page.click('.paste summary');
  await page.fill('#paste', html);
  await page.click('#run-paste');
  await page.waitForSelector('#removals tbody tr[data-category="newsletter"]');
  await page.click('#tab-reader');
  await page.frameLocator('#reader').locator('h1', { hasText: 'Pasted story' }).waitFor();
  await page.close();
});

test('analyze + apply timings in Chromium: seed and largest corpus page', async (t) => {
  const page = await openPlayground();
  t.diagnostic(`module fetched and compiled in ${(await page.evaluate(() => window.plainpage.initMs)).toFixed(0)} ms`);
  const pages = [
    { name: 'seed', file: join(SHARED, 'seed', 'inkl-article.html') },
    (({ name, file }) => ({ name: `largest corpus page (${name})`, file }))(largestCorpusPage()),
  ];
  for (const { name, file } of pages) {
    const html = readFileSync(file, 'utf8');
    const result = await page.evaluate((source) => {
      const { analyze, applier } = window.plainpage;
      const runs = [];
      // As the extension does: the page as the browser built it is serialized and analyzed,
      // and the verdict applied to that same document. Parsing is not counted.
      for (let i = 0; i < 5; i += 1) {
        const t0 = performance.now();
        const doc = new DOMParser().parseFromString(source, 'text/html');
        const t1 = performance.now();
        const { verdict } = analyze(doc.documentElement.outerHTML, undefined, {});
        const t2 = performance.now();
        let outcome;
        try {
          outcome = `${applier.applyVerdict(doc, verdict, 'hide').applied} blocks hidden`;
        } catch (error) {
          outcome = `refused: ${error.message}`;
        }
        const t3 = performance.now();
        runs.push({ parse: t1 - t0, analyze: t2 - t1, apply: t3 - t2, outcome });
      }
      return runs;
    }, html);
    const median = (key) => result.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(result.length / 2)];
    t.diagnostic(
      `timing ${name}: ${html.length} chars; first run analyze ${result[0].analyze.toFixed(1)} ms + ` +
        `apply ${result[0].apply.toFixed(1)} ms; median of ${result.length}: analyze ` +
        `${median('analyze').toFixed(1)} ms + apply ${median('apply').toFixed(1)} ms = ` +
        `${(median('analyze') + median('apply')).toFixed(1)} ms (serializing counted in analyze; DOMParser ` +
        `${median('parse').toFixed(1)} ms not counted); ${result[0].outcome}`,
    );
    for (const run of result) assert.match(run.outcome, /blocks hidden$/, `${name}: the verdict was not applied`);
  }
  await page.close();
});

test('the playground made no requests but its own files', (t) => {
  assert.ok(requests.length > 0, 'no requests seen');
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|about|blob):/.test(url));
  const stopped = foreign.filter((url) => blockedByCsp.has(url));
  if (stopped.length > 0) t.diagnostic(`stopped by the frames' CSP before leaving: ${[...new Set(stopped)].join(', ')}`);
  assert.deepEqual(foreign.filter((url) => !blockedByCsp.has(url)), [], 'requests outside the playground');
  assert.deepEqual(failures, [], 'failed requests or page errors');
});
