// The sanitizer proof (issue 6): every XSS vector of vectors.json is put inside the body of an
// otherwise ordinary news article, the page goes through the wasm module's `read` (the same
// www/pkg bytes the extension ships), and the reader view it produces is loaded from a test
// server on 127.0.0.1 in headless Chromium (playwright-core, Debian's build) and headless
// firefox-esr (geckodriver). A vector is blocked when, in every browser and every variant:
//
// - no script ran: the sentinel `__pwned` (installed before the page is parsed), alert,
//   confirm, prompt and print were never called, no dialog opened, no page error was thrown,
//   and the out-of-band beacon (`/__pwned/…`, which a payload fetches when it cannot reach the
//   sentinel, e.g. from a data: frame) never arrived — after everything clickable that is not an
//   ordinary http(s) link (script URLs, areas, buttons, summaries) was clicked;
// - no request left the page: the test server records every request, and is the browsers' proxy
//   for every other host, so only the reader page itself and http images from the test server
//   are allowed (a CSP violation report counts as a request: it means a script carrier reached
//   the page and only the policy stopped it);
// - the page did not navigate away, and no dangerous markup is in the DOM the browser built
//   (script-capable or fetching elements, SVG/MathML, on* attributes, style, script URLs).
//
// Variants: two views — `document`, the standalone reader document `read` returns (its own
// <meta> Content-Security-Policy taken out), and `extension`, the article inserted as the
// extension's reader frame does it (DOMParser, then moved into the page) — each served without
// any CSP (the sanitizer alone) and with the header `Content-Security-Policy: script-src 'none'`
// (the second wall); plus the `document` view made without a page URL (as a pasted page is).
// Before the vectors, controls (the raw, unsanitized vector pages) prove that each detector
// fires in each browser.
//
// Writes artifacts/xss.md (the vectors × browsers table) and artifacts/xss.json.
// XSS_ONLY=id,id… runs a subset; XSS_BROWSERS=chromium|firefox one browser.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { body as readBody, startServer } from '../browsers/server.mjs';
import { launchChromium } from '../browsers/chromium.mjs';
import { Firefox, proxyPrefs } from '../browsers/firefox.mjs';
import { ROOT, loadEngine } from '../browsers/engine.mjs';
import { installSentinel, renderLikeTheExtension, clickEverything, inspect } from './page.mjs';

const EVIL = 'http://evil.example';
const ARTIFACTS = join(ROOT, 'artifacts');
const ALL_VECTORS = JSON.parse(readFileSync(join(ROOT, 'tests', 'xss', 'vectors.json'), 'utf8'));
const ONLY = process.env.XSS_ONLY ? new Set(process.env.XSS_ONLY.split(',')) : null;
const VECTORS = ALL_VECTORS.filter((v) => !ONLY || ONLY.has(v.id));
const BROWSERS = (process.env.XSS_BROWSERS || 'chromium,firefox').split(',');
const READER_CSS = readFileSync(join(ROOT, 'extension', 'reader.css'), 'utf8');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
/** Variants: view × policy × how the page reached `read`. */
const VARIANTS = [
  { view: 'document', csp: false, input: 'url' },
  { view: 'document', csp: true, input: 'url' },
  { view: 'extension', csp: false, input: 'url' },
  { view: 'extension', csp: true, input: 'url' },
  { view: 'document', csp: false, input: 'no-url' },
];
const variantName = (v) => `${v.view}${v.csp ? '+csp' : ''}${v.input === 'no-url' ? ' (no url)' : ''}`;
/** Controls: vectors that skip the engine, as raw pages (view `page`) or as unsanitized
 *  content in the extension's reader view, with what must catch them. */
const CONTROLS = [
  { id: 'img-onerror', view: 'page', csp: false, expect: 'script' },
  { id: 'img-onerror', view: 'page', csp: true, expect: 'csp' },
  { id: 'a-javascript', view: 'page', csp: false, expect: 'script' },
  { id: 'iframe-data', view: 'page', csp: false, expect: 'script' },
  { id: 'link-stylesheet-prefetch', view: 'page', csp: false, expect: 'request' },
  { id: 'meta-refresh-navigate', view: 'page', csp: false, expect: 'request' },
  { id: 'svg-onload', view: 'page', csp: false, expect: 'markup' },
  { id: 'img-onerror', view: 'extension', csp: false, expect: 'script' },
  { id: 'img-onerror', view: 'extension', csp: true, expect: 'csp' },
  // The extension's links open in a new tab (target=_blank): a script link opens a window,
  // which the harness flags (whether or not the browser then runs the script there).
  { id: 'a-javascript', view: 'extension', csp: false, expect: 'window' },
  { id: 'style-attr-url-foreign', view: 'extension', csp: false, expect: 'request' },
];

let engine;
const results = []; // { vector, browser, variant, blocked, problems }
const controlResults = [];

function expand(text, id, origin) {
  const js = `(self.__pwned||function(i){fetch('${origin}/__pwned/beacon/'+i)})('${id}')`;
  const hex = [...js].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join('');
  const b64 = Buffer.from(`<script>${js}</script>`).toString('base64');
  return text
    .replaceAll('{{JSHEX}}', hex)
    .replaceAll('{{HTMLB64}}', b64)
    .replaceAll('{{JS}}', js)
    .replaceAll('{{MISSING}}', `${origin}/missing/${id}.png`)
    .replaceAll('{{IMG}}', `${origin}/img/${id}.png`)
    .replaceAll('{{EVIL}}', EVIL)
    .replaceAll('{{ORIGIN}}', origin)
    .replaceAll('{{ID}}', id);
}

const PROSE = [
  'The council said on Monday that the harbour wall would be rebuilt over the winter, with the work done in stages so that boats can still land, and that the fish market would stay open throughout.',
  'Engineers found last spring that the old stone facing had shifted by several centimetres, and the storms of February, which flooded the lower quay twice, made the repair more urgent than anyone had planned.',
  'The first stage, costing about four million pounds, will replace the northern arm; the second, whose cost will be known in March, covers the southern arm, the slipway and the lifeboat station.',
  'Residents asked for a public meeting, and the council agreed to hold one in the town hall once the first stage is finished, so that people can see what has been done and ask about the rest.',
  'Fishermen, who land most of their catch before dawn, said they were relieved that the quay would stay open, although several worried about noise from the pile drivers in the early hours.',
  'The harbour master, who has worked at the port for twenty years, said the wall had protected the town since the eighteenth century and deserved, in her words, to be done properly this time.',
];

/** The article page a vector is embedded in: ordinary chrome around an article whose body holds
 *  the vector between paragraphs; marker sentences before and after show it landed inside. */
function articlePage(vector, origin) {
  const x = (s) => expand(s, vector.id, origin);
  const meta = vector.meta || {};
  const title = x(meta.title ?? 'Harbour wall to be rebuilt over the winter');
  const ogTitle = x(meta.og_title ?? 'Harbour wall to be rebuilt over the winter');
  const author = x(meta.author ?? 'Jane Marlow');
  const site = x(meta.site ?? 'The Saltmarsh Courier');
  const lang = x(meta.lang ?? 'en');
  const dir = x(meta.dir ?? 'ltr');
  const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const page = `<!DOCTYPE html>
<html lang="${attr(lang)}" dir="${attr(dir)}"><head><meta charset="utf-8">
<title>${meta.title ? title : `${title} | ${site}`}</title>
<meta property="og:title" content="${attr(ogTitle)}">
<meta property="og:site_name" content="${attr(site)}">
<meta name="author" content="${attr(author)}">
<link rel="canonical" href="${origin}/news/${vector.id}.html">
${vector.head ? x(vector.head) : ''}
</head><body>
<header class="site-header"><a href="/">The Saltmarsh Courier</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article class="article">
<h1>Harbour wall to be rebuilt over the winter</h1>
<p class="byline">By ${author.replaceAll('<', '&lt;')}</p>
<div class="article-body">
<p>${PROSE[0]}</p>
<p>${PROSE[1]}</p>
<p>Marker before ${vector.id}: ${PROSE[2]}</p>
${x(vector.body)}
<p>Marker after ${vector.id}: ${PROSE[3]}</p>
<p>${PROSE[4]}</p>
<p>${PROSE[5]}</p>
@@TAIL@@</div></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/news/1">Ferry returns</a></li><li><a href="/news/2">Lifeboat appeal</a></li><li><a href="/news/3">Market hours</a></li></ul></aside>
</main>
<footer><p>Copyright The Saltmarsh Courier</p></footer>
</body></html>`;
  // A `tail` vector ends the page: it is cut off right after it, as a truncated download is.
  return vector.tail === undefined ? page.replace('@@TAIL@@', '') : page.slice(0, page.indexOf('@@TAIL@@')) + x(vector.tail);
}

const sentinel = (origin) => `<script data-harness>(${installSentinel.toString()})(${JSON.stringify(origin)})</script>`;
const ICON = '<link rel="icon" href="data:," data-harness>';

/** The reader page for a variant: `read`'s document, or the extension's reader shell. */
function readerPage(vector, variant, origin) {
  const reader = readFor(vector, variant.input, origin);
  const head = `${ICON}${variant.csp ? '' : sentinel(origin)}`;
  if (variant.view === 'document') {
    const doc = reader.document.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.notEqual(doc, reader.document, 'the reader document has no <meta> CSP to take out');
    return doc.replace('<head>', `<head>${head}`);
  }
  return `<!DOCTYPE html>
<html lang="en" data-theme="light" data-font="serif" data-width="medium"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Reader view</title>
${head}<style data-harness>${READER_CSS}</style></head>
<body><main id="reader" aria-live="polite"><p class="status" id="status">Preparing reader view…</p></main></body></html>`;
}

const readCache = new Map();
function readFor(vector, input, origin) {
  const key = `${vector.id}|${input}|${origin}`;
  if (!readCache.has(key)) {
    const html = articlePage(vector, origin);
    const url = input === 'url' ? `${origin}/news/${vector.id}.html` : null;
    const { article, document } = engine.read(html, url, {});
    readCache.set(key, { article, document });
  }
  return readCache.get(key);
}

/** Serves reader pages, images, the beacon and CSP reports; everything is logged. */
async function serve() {
  let srv;
  const pages = new Map();
  srv = await startServer(async (req, res, entry) => {
    const path = entry.path;
    if (pages.has(path)) {
      const { html, csp } = pages.get(path);
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = "script-src 'none'; report-uri /csp-report";
      res.writeHead(200, headers).end(html);
    } else if (path.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PNG);
    } else if (path === '/csp-report') {
      entry.report = (await readBody(req)).slice(0, 300);
      res.writeHead(204).end();
    } else if (path.startsWith('/__pwned/')) {
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  srv.pages = pages;
  return srv;
}

/** The only other host a vector names. A request through the proxy for any other host comes
 *  from the browser itself (Chromium asks accounts.google.com now and then even with background
 *  networking off): it is listed as background traffic, not held against the page. Requests
 *  the page itself makes are also reported by Playwright in Chromium, and held against it
 *  whatever their host. */
const VECTOR_HOSTS = new Set([new URL(EVIL).hostname]);
const background = [];

/** Judges one load from what the browser reported and what the server saw. */
function judge({ page, entries, state, extra }) {
  const problems = [];
  for (const line of state.log) problems.push(`script ran: ${line}`);
  for (const line of extra) problems.push(line);
  let pageSeen = false;
  for (const e of entries) {
    if (!e.foreign && e.path === page && e.method === 'GET' && !pageSeen) {
      pageSeen = true;
      continue;
    }
    if (!e.foreign && e.method === 'GET' && e.dest === 'image' && !e.path.startsWith('/__pwned/')) continue;
    if (e.foreign && !VECTOR_HOSTS.has(e.host.replace(/:\d+$/, ''))) {
      background.push(`${e.method} ${e.url.slice(0, 80)}`);
      continue;
    }
    if (e.path.startsWith('/__pwned/')) problems.push(`script ran: beacon ${e.path}`);
    else if (e.path === '/csp-report') problems.push(`blocked only by the CSP: ${e.report}`);
    else problems.push(`request left the page: ${e.method} ${e.url}${e.dest ? ` (${e.dest})` : ''}`);
  }
  if (!pageSeen) problems.push('the reader page itself was never requested');
  for (const f of state.findings) problems.push(`markup: ${f}`);
  if (!state.url.endsWith(page)) problems.push(`navigated to ${state.url}`);
  return problems;
}

const settle = (ms) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = Number(process.env.XSS_SETTLE_MS || 120);
/** How long to wait for a window after clicking a link that targets one. */
const WINDOW_WAIT_MS = 5_000;
/** How long to wait for the request a control page makes on its own (a meta refresh fires
 *  after the load event, later still on a busy machine). */
const REQUEST_WAIT_MS = 5_000;

/** Resolves when `ready()` is true or `ms` have passed. */
async function waitUntil(ready, ms) {
  const until = Date.now() + ms;
  while (!ready() && Date.now() < until) await settle(50);
}

/** True once the server saw a request of this load other than its page (from `start` on). */
const sawOtherRequest = (srv, start, path) => srv.log.slice(start).some((e) => e.path !== path);

/** A control whose detector is a request: wait for the request, so that it is counted against
 *  this load and cannot land in the next one. */
async function awaitControlRequest(srv, start, load) {
  if (load.control?.expect === 'request') {
    await waitUntil(() => sawOtherRequest(srv, start, load.path), REQUEST_WAIT_MS);
  }
}

/** Leaves the page for about:blank. A navigation the page started itself (a meta refresh) can
 *  interrupt that one: try again until it lands. */
async function blankChromium(page) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.goto('about:blank');
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await settle(200);
    }
  }
}

/** Loads under way at once in each browser (each lane is a browser of its own). */
const LANES = Math.max(1, Number(process.env.XSS_LANES || 2));

// ---- Chromium -----------------------------------------------------------------------------------

async function chromiumRun(srv, loads) {
  const browser = await launchChromium({ proxyPort: srv.port });
  const context = await browser.newContext({ viewport: { width: 1200, height: 2400 } });
  await context.addInitScript({ content: `(${installSentinel.toString()})(${JSON.stringify(srv.origin)})` });
  const page = await context.newPage();
  // What the page reported for the load under way.
  let extra = [];
  const popups = [];
  context.on('page', (p) => popups.push(p));
  page.on('dialog', (d) => {
    extra.push(`script ran: ${d.type()} dialog "${d.message()}"`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => extra.push(`page error: ${e.message.slice(0, 120)}`));
  page.on('request', (r) => {
    const url = r.url();
    const allowed = url.startsWith(`${srv.origin}/`) || /^data:image\/(png|jpeg|gif|webp|avif)[;,]/.test(url) || url === 'data:,' || url === 'about:blank';
    if (!allowed) extra.push(`request left the page: ${r.method()} ${url.slice(0, 100)} (${r.resourceType()}, seen by the page)`);
  });
  page.on('frameattached', () => extra.push('a frame was attached'));
  const out = [];
  try {
    for (const load of loads) {
      extra = [];
      const start = srv.log.length;
      let state;
      try {
        await page.goto(srv.origin + load.path, { waitUntil: 'load', timeout: 15_000 });
        if (load.article) await page.evaluate(renderLikeTheExtension, load.article);
        await settle(SETTLE_MS);
        const { opening } = await page.evaluate(clickEverything, load.root);
        // A window opened by a click arrives later than the click, and later still on a busy
        // machine: wait for it, so that it is seen and counted against this load, not the next.
        if (opening > 0 && popups.length === 0) {
          await context.waitForEvent('page', { timeout: WINDOW_WAIT_MS }).catch(() => {});
        }
        await awaitControlRequest(srv, start, load);
        await settle(SETTLE_MS);
        state = await page.evaluate(inspect, load.root);
      } catch (error) {
        state = { findings: [], log: [], url: page.url(), text: '' };
        extra.push(`the page could not be inspected: ${String(error.message).split('\n')[0]}`);
      }
      for (const p of popups.splice(0)) {
        extra.push(`a window was opened: ${p.url()}`);
        await p.close().catch(() => {});
      }
      await blankChromium(page);
      await settle(30);
      out.push({ load, state, problems: judge({ page: load.path, entries: srv.log.slice(start), state, extra }) });
    }
  } finally {
    await browser.close();
  }
  return { out, version: browser.version() };
}

// ---- Firefox ------------------------------------------------------------------------------------

const call = (fn, ...args) => [`return (${fn.toString()})(...arguments)`, args];

async function firefoxRun(srv, loads) {
  const ff = await Firefox.launch({
    prefs: proxyPrefs(srv.port),
    capabilities: { unhandledPromptBehavior: 'ignore', pageLoadStrategy: 'normal' },
  });
  const out = [];
  try {
    await ff.setTimeouts({ pageLoad: 15_000, script: 10_000 });
    const home = (await ff.windowHandles())[0];
    for (const load of loads) {
      const extra = [];
      const start = srv.log.length;
      let state;
      const dialog = async () => {
        const text = await ff.takeDialog().catch(() => null);
        if (text !== null) extra.push(`script ran: dialog "${text}"`);
      };
      try {
        try {
          await ff.navigate(srv.origin + load.path);
        } catch (error) {
          if (error.webdriver !== 'unexpected alert open') throw error;
        }
        await dialog();
        if (load.article) {
          // Under `script-src 'none'` the page's own script is off; WebDriver's is not.
          if (load.csp) await ff.execute(...call(installSentinel, srv.origin));
          await ff.execute(...call(renderLikeTheExtension, load.article));
        }
        await settle(SETTLE_MS);
        await dialog();
        const clicks = await ff.execute(...call(clickEverything, load.root)).catch((e) => {
          if (e.webdriver !== 'unexpected alert open') throw e;
          return null;
        });
        // As in Chromium: a window opened by a click arrives some time after it.
        if (clicks?.opening > 0) {
          const until = Date.now() + WINDOW_WAIT_MS;
          while (Date.now() < until && (await ff.windowHandles()).length < 2) await settle(50);
        }
        await awaitControlRequest(srv, start, load);
        await settle(SETTLE_MS);
        await dialog();
        state = await ff.execute(...call(inspect, load.root));
      } catch (error) {
        await dialog();
        state = { findings: [], log: [], url: await ff.url().catch(() => ''), text: '' };
        extra.push(`the page could not be inspected: ${String(error.message).split('\n')[0]}`);
      }
      const handles = await ff.windowHandles();
      if (handles.length > 1) {
        extra.push(`${handles.length - 1} window(s) were opened`);
        await ff.closeOtherWindows(home);
      }
      await ff.navigate('about:blank').catch(() => dialog());
      await settle(40);
      out.push({ load, state, problems: judge({ page: load.path, entries: srv.log.slice(start), state, extra }) });
    }
  } finally {
    await ff.quit();
  }
  return { out, version: ff.version };
}

// ---- the runs -----------------------------------------------------------------------------------

/** Every load of a browser: the controls first, then each vector in each variant, dealt out
 *  to lanes (each lane its own browser and its own server, which is also its proxy, so every
 *  request is attributed to the one load under way in its lane). */
function plan(lanes) {
  const loads = [];
  for (const [i, c] of CONTROLS.entries()) {
    const vector = ALL_VECTORS.find((v) => v.id === c.id);
    const root = c.view === 'page' ? 'body' : '#reader';
    loads.push({ control: c, vector, path: `/control/${i}/${c.view}/${c.id}.html`, root, csp: c.csp });
  }
  for (const vector of VECTORS) {
    for (const variant of VARIANTS) {
      const path = `/reader/${variant.view}/${variant.csp ? 'csp' : 'none'}/${variant.input}/${vector.id}.html`;
      loads.push({ vector, variant, path, csp: variant.csp, root: variant.view === 'document' ? 'article' : '#reader' });
    }
  }
  const dealt = lanes.map(() => []);
  loads.forEach((load, i) => {
    const srv = lanes[i % lanes.length];
    if (load.control?.view === 'page') {
      srv.pages.set(load.path, { html: articlePage(load.vector, srv.origin), csp: load.csp });
      dealt[i % lanes.length].push(load);
    } else if (load.control) {
      const variant = { view: 'extension', csp: load.csp, input: 'url' };
      srv.pages.set(load.path, { html: readerPage(load.vector, variant, srv.origin), csp: load.csp });
      const article = { title: 'Control', content: expand(load.vector.body, load.vector.id, srv.origin) };
      dealt[i % lanes.length].push({ ...load, article });
    } else {
      srv.pages.set(load.path, { html: readerPage(load.vector, load.variant, srv.origin), csp: load.csp });
      const article = load.variant.view === 'extension' ? readFor(load.vector, load.variant.input, srv.origin).article : null;
      dealt[i % lanes.length].push({ ...load, article });
    }
  });
  return dealt;
}

function controlCaught(expect, problems) {
  const has = (prefix) => problems.some((p) => p.startsWith(prefix));
  switch (expect) {
    case 'script': return has('script ran');
    case 'csp': return has('blocked only by the CSP');
    case 'request': return has('request left the page') || problems.some((p) => p.startsWith('navigated'));
    case 'markup': return has('markup');
    case 'window': return has('script ran') || problems.some((p) => /window/.test(p));
    default: return false;
  }
}

before(async () => {
  engine = await loadEngine();
  // Every vector must land inside the article: the marker sentences around it are kept.
  const origin = 'http://127.0.0.1:1';
  for (const vector of VECTORS) {
    for (const input of ['url', 'no-url']) {
      const { article } = readFor(vector, input, origin);
      assert.ok(article?.content, `${vector.id}: read found no article`);
      // A vector that leaves an element open may take the rest of the article with it.
      for (const side of vector.swallows_rest ? ['before'] : ['before', 'after']) {
        assert.ok(article.text.includes(`Marker ${side} ${vector.id}`), `${vector.id} (${input}): the marker ${side} the vector is not in the article, so the vector did not land in its body:\n${article.text.slice(0, 400)}`);
      }
    }
  }
});

const runners = { chromium: chromiumRun, firefox: firefoxRun };
const versions = {};

describe('the sanitizer proof', { concurrency: true }, () => {
for (const name of BROWSERS) {
  test(`XSS vectors in ${name}`, { timeout: 30 * 60_000 }, async (t) => {
    const lanes = await Promise.all(Array.from({ length: LANES }, serve));
    try {
      const dealt = plan(lanes);
      const started = Date.now();
      const runs = await Promise.all(lanes.map((srv, i) => runners[name](srv, dealt[i])));
      const out = runs.flatMap((r) => r.out);
      const version = runs[0].version;
      versions[name] = version;
      t.diagnostic(`${name} ${version}: ${out.length} loads in ${LANES} lanes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const { load, problems } of out) {
        if (load.control) {
          const caught = controlCaught(load.control.expect, problems);
          controlResults.push({ browser: name, ...load.control, caught, problems });
          assert.ok(caught, `${name}: the harness is blind: ${load.control.id} unsanitized (${load.control.view})${load.csp ? ' under the CSP' : ''} should show "${load.control.expect}", got ${JSON.stringify(problems)}`);
        } else {
          results.push({ vector: load.vector.id, group: load.vector.group, browser: name, variant: variantName(load.variant), blocked: problems.length === 0, problems });
        }
      }
      const failed = results.filter((r) => r.browser === name && !r.blocked);
      for (const r of failed) t.diagnostic(`NOT BLOCKED ${r.vector} [${r.variant}]: ${r.problems.join('; ')}`);
      assert.equal(failed.length, 0, `${failed.length} vector loads got through in ${name}`);
    } finally {
      await Promise.all(lanes.map((srv) => srv.close()));
    }
  });
}
});

after(() => {
  if (!results.length) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'xss.json'), `${JSON.stringify({ versions, variants: VARIANTS.map(variantName), controls: controlResults, browserBackground: [...new Set(background)], results }, null, 1)}\n`);
  const browsers = BROWSERS.filter((b) => results.some((r) => r.browser === b));
  const rows = [];
  rows.push(`# XSS vectors through \`read\`, loaded in real browsers\n`);
  rows.push(`${VECTORS.length} vectors (tests/xss/vectors.json), each in ${VARIANTS.length} variants per browser: ${VARIANTS.map(variantName).join(', ')}. `
    + `Browsers: ${browsers.map((b) => `${b} ${versions[b] ?? ''}`).join(', ')}. A cell is "blocked" when no variant ran script, made a request other than the page and its test-server images, navigated, or left dangerous markup in the DOM.\n`);
  rows.push(`| vector | group | ${browsers.join(' | ')} |`);
  rows.push(`|---|---|${browsers.map(() => '---').join('|')}|`);
  for (const vector of VECTORS) {
    const cells = browsers.map((b) => {
      const mine = results.filter((r) => r.vector === vector.id && r.browser === b);
      const bad = mine.filter((r) => !r.blocked);
      return bad.length ? `**NOT BLOCKED** (${bad.map((r) => r.variant).join(', ')})` : `blocked (${mine.length}/${mine.length})`;
    });
    rows.push(`| \`${vector.id}\` | ${vector.group} | ${cells.join(' | ')} |`);
  }
  rows.push(`\nControls (vectors that skip the engine; each must be caught): ${controlResults.map((c) => `${c.browser} ${c.view} ${c.id}${c.csp ? '+csp' : ''} → ${c.caught ? 'caught' : 'MISSED'}`).join('; ')}.\n`);
  const bg = [...new Set(background.map((b) => b.replace(/^(\S+ \S+?\/\/[^/]+).*$/, '$1')))];
  rows.push(`Browser background traffic through the proxy, not from the pages (not held against them): ${bg.length ? bg.join(', ') : 'none'}.\n`);
  writeFileSync(join(ARTIFACTS, 'xss.md'), `${rows.join('\n')}\n`);
});
