// The built extension (dist/chrome) in Debian's Chromium, new headless, driven by playwright-core.
//
// Two browser profiles:
//  1. dist/chrome exactly as built. The toolbar button is pressed through the DevTools protocol
//     (`Extensions.triggerAction` on the page's tab target), which opens the popup and grants
//     activeTab exactly as a click does; the popup's page is then opened in a tab of its own
//     (`popup.html?tab=ID`) and its "Reader view" or "Clean this page" button clicked. No host
//     permission at all.
//  2. A copy of dist/chrome whose manifest also lists `*://127.0.0.1/*` in host_permissions.
//     Chromium shows a permission prompt that headless mode cannot answer, so this copy stands
//     for "the user granted this site"; everything else (the popup's switch, which calls
//     permissions.request and gets `true` at once because access is already there, the
//     registration of the cleaner, the content script) is the real code path.
//
// Pages come from a 127.0.0.1 server with a strict CSP; that server is also the browser's proxy,
// so any request to another host is recorded and refused. Screenshots go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// Service-worker requests are reported too (the background must fetch nothing but its .wasm).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
import { CLEAN_DIR, TestServer } from './lib/server.mjs';
import { CATEGORIES, readLabels } from './lib/labels.mjs';
import { allHidden, allOutlined, assertLabelsPainted, assertLabelsWithstand, assertRemoved, blockInPage, categoryColours, engineArticle, engineRemovals, labelControlsInPage, labelPaintPoints, labelsInPage, marksInPage, reasonLines, removedInPage, scrollToMostLabels, twoUniqueLabels } from './lib/why.mjs';
import { ARTIFACTS, CLEANING_CHANGED_READER, CORPUS_PAGES, LARGEST, ROOT, SHARED, articleSentence, firstDifference, fold, median, needShared, seed, settled } from './lib/pages.mjs';
import { assertSameArticle, assertSizeControls, assertTextSizes, readerDefaults, readerFontSizes, readerSizeControls, readerTextSizes, readerWords, suggestedReaderKey } from './lib/reader.mjs';
import { assertProgress, assertSwitchedOff, blocksAt, categoryToSwitch, marksByOrdinal, readerProgress, savedLine } from './lib/polish.mjs';
import { cleanSplit, describeSplit, readerSplit, splitProblems } from './lib/latency.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DIST = join(ROOT, 'dist', 'chrome');
const FLAGS = (
  process.env.CHROMIUM_FLAGS ||
  '--no-sandbox --headless=new --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-dev-shm-usage'
).split(/\s+/).filter(Boolean);
const THEMES = ['light', 'sepia', 'dark', 'system'];
const ROUNDS = Number(process.env.PLAINPAGE_E2E_ROUNDS || 5);

let server;
/** The profile with dist/chrome as built, and the one with 127.0.0.1 granted. */
let asBuilt = null;
let granted = null;
const temp = mkdtempSync(join(tmpdir(), 'plainpage-e2e-chromium-'));
const launched = [];

/** Every request any page or frame of a profile made. */
const requests = [];

async function launch(extensionDir, name) {
  const context = await chromium.launchPersistentContext(join(temp, `profile-${name}`), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--enable-unsafe-extension-debugging',
      `--proxy-server=http://127.0.0.1:${server.port}`,
    ],
  });
  launched.push(context);
  context.on('request', (r) => requests.push({ profile: name, url: r.url() }));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const id = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  const ext = { context, worker, id, cdp, name };
  ext.url = (path) => `chrome-extension://${id}/${path}`;
  return ext;
}

/** The extension's tab id for a page (found from the background by URL). */
async function tabIdOf(ext, page) {
  const url = page.url();
  const id = await ext.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  assert.ok(id !== null, `the extension cannot see the tab of ${url}`);
  return id;
}

/** Presses the toolbar button for a page, as a click does (opens the popup, grants activeTab). */
async function pressToolbarButton(ext, page) {
  const { targetInfos } = await ext.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  await ext.cdp.send('Extensions.triggerAction', { id: ext.id, targetId: tab.targetId });
}

/** The popup for a tab, opened as a page of its own. */
async function openPopup(ext, tabId) {
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('body[data-ready="true"]');
  return popup;
}

async function status(ext, tabId) {
  return ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:status' }), tabId);
}

async function readerFrame(page, ext) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(ext.url('reader.html')));
    if (frame) {
      await frame.waitForSelector('article .title', { timeout: 15_000 });
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('reader view did not open');
}

async function waitForStatus(ext, tabId, check, what) {
  const deadline = Date.now() + 15_000;
  let last;
  while (Date.now() < deadline) {
    last = await status(ext, tabId).catch(() => null);
    if (last && check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last status: ${JSON.stringify(last)}`);
}

/** State a user leaves on a page: typed text, a scroll offset, and a script's variable. */
async function leaveState(page) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'typed';
    input.setAttribute('aria-label', 'test input');
    document.body.prepend(input);
    window.pageState = { loadedAt: performance.timeOrigin, counter: 41 };
  });
  await page.click('#typed');
  await page.keyboard.type('kept while reading');
  await page.evaluate(() => {
    window.pageState.counter += 1;
    window.scrollTo(0, 600);
  });
  return page.evaluate(() => ({ value: document.getElementById('typed').value, y: window.scrollY, origin: performance.timeOrigin }));
}

async function stateNow(page) {
  return page.evaluate(() => ({
    value: document.getElementById('typed')?.value,
    y: window.scrollY,
    origin: performance.timeOrigin,
    counter: window.pageState?.counter,
    focused: document.activeElement?.id,
  }));
}

function visibleText(page) {
  return page.evaluate(() => document.body.innerText).then(fold);
}

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: ./build.sh test installs Debian's chromium`);
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} is not built: run ./build.sh first`);
  needShared();
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await new TestServer(SHARED).start();
});

after(async () => {
  for (const context of launched) await context.close().catch(() => {});
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
});

test('dist/chrome: manifest is MV3 with a service worker, the CSP and only the default permissions', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, cargo);
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.ok(existsSync(join(ROOT, 'dist', `plainpage-${cargo}-chrome.zip`)), 'the .zip is missing');
});

test('reader view through the toolbar button (activeTab only): in place, page state intact, every theme', async (t) => {
  const ext = (asBuilt = await launch(DIST, 'as-built'));
  const page = await ext.context.newPage();
  await page.goto(server.url('seed'));
  const before = await leaveState(page);
  assert.equal(before.value, 'kept while reading');
  assert.ok(before.y >= 500, `the seed page should scroll (scrollY ${before.y})`);

  await pressToolbarButton(ext, page);
  const tabId = await tabIdOf(ext, page);
  const popup = await openPopup(ext, tabId);
  assert.equal(await popup.locator('#host').innerText(), '127.0.0.1');
  await popup.click('#reader');
  await page.bringToFront();
  const frame = await readerFrame(page, ext);

  assert.equal(fold(await frame.locator('article .title').innerText()), seed.title);
  const readerText = fold(await frame.locator('article').innerText());
  for (const p of seed.paragraphs()) assert.ok(readerText.includes(p), `reader view lost: ${p.slice(0, 60)}…`);
  for (const phrase of seed.chromePhrases()) assert.ok(!readerText.includes(phrase), `reader view shows chrome: ${phrase}`);
  assert.match(await frame.locator('.reading-time').innerText(), /\d+ min read/);
  // The page's CSS does not reach the frame: its own stylesheet sets the body font.
  const font = await frame.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(font, /Charter|Noto Serif|Georgia|serif/);
  // Text size at default settings (a fresh profile): body text at the setting's size, not
  // Chromium's 75 % for extension pages; byline and captions smaller than body text.
  const defaults = readerDefaults();
  const sizes = await frame.evaluate(readerTextSizes);
  t.diagnostic(`text sizes at default settings: ${JSON.stringify(sizes)}`);
  assertTextSizes(sizes, defaults.size, 'Chromium');
  const limits = readerFontSizes();
  assertSizeControls(await frame.evaluate(readerSizeControls), defaults.size, limits, 'Chromium');
  const defaultShot = join(ARTIFACTS, 'chromium-reader-default.png');
  await page.screenshot({ path: defaultShot });
  t.diagnostic(`saved ${defaultShot}`);

  // Reading progress: 0 % at the top; scrolled to the end of the article, 100 %. Scrolled again
  // while waiting, since images loading as they come into view make the article longer.
  await frame.waitForFunction(() => document.getElementById('progress').getAttribute('aria-valuenow') === '0', null, { timeout: 5000 }).catch(() => {});
  assertProgress(await frame.evaluate(readerProgress), 0, 'Chromium (at the top)');
  await frame.waitForFunction(() => {
    document.scrollingElement.scrollTo(0, document.scrollingElement.scrollHeight);
    return document.getElementById('progress').getAttribute('aria-valuenow') === '100';
  }, null, { timeout: 5000 }).catch(() => {});
  assertProgress(await frame.evaluate(readerProgress), 100, 'Chromium (scrolled to the end)');
  await frame.evaluate(() => document.scrollingElement.scrollTo(0, 0));
  await frame.waitForFunction(() => document.getElementById('progress').getAttribute('aria-valuenow') === '0', null, { timeout: 5000 }).catch(() => {});
  assertProgress(await frame.evaluate(readerProgress), 0, 'Chromium (back at the top)');

  for (const theme of THEMES) {
    await frame.click(`.toolbar button[data-theme="${theme}"]`);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), theme);
    const file = join(ARTIFACTS, `chromium-reader-${theme}.png`);
    await page.screenshot({ path: file });
    t.diagnostic(`saved ${file}`);
  }
  const bg = await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await frame.click('.toolbar button[data-theme="dark"]');
  assert.notEqual(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), bg);
  await frame.click('#larger');
  // One A+ step is one pixel of body text.
  assertTextSizes(await frame.evaluate(readerTextSizes), defaults.size + 1, 'Chromium (A+ once)');
  await frame.click('.toolbar button[data-font="sans"]');
  await frame.click('.toolbar button[data-width="wide"]');
  const saved = await ext.worker.evaluate(() => chrome.storage.local.get('reader'));
  assert.deepEqual({ ...saved.reader }, { theme: 'dark', font: 'sans', size: defaults.size + 1, width: 'wide' }, 'reader settings persist');

  // The size is shown between A− and A+, and each is off at its limit.
  assertSizeControls(await frame.evaluate(readerSizeControls), defaults.size + 1, limits, 'Chromium (A+ once)');
  for (let size = defaults.size + 1; size < limits.max; size += limits.step) await frame.click('#larger');
  assertSizeControls(await frame.evaluate(readerSizeControls), limits.max, limits, 'Chromium (A+ to the limit)');
  for (let size = limits.max; size > limits.min; size -= limits.step) await frame.click('#smaller');
  assertSizeControls(await frame.evaluate(readerSizeControls), limits.min, limits, 'Chromium (A− to the limit)');
  for (let size = limits.min; size < defaults.size; size += limits.step) await frame.click('#larger');
  assertSizeControls(await frame.evaluate(readerSizeControls), defaults.size, limits, 'Chromium (back to the default)');

  // Scrolling the reader does not scroll the page below it.
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(300);

  // Esc closes; everything is as it was.
  await frame.focus('#close');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('iframe[data-plainpage-reader]'));
  const after = await stateNow(page);
  assert.equal(after.value, before.value, 'typed input survives');
  assert.equal(after.y, before.y, 'scroll offset survives');
  assert.equal(after.origin, before.origin, 'the page was not reloaded');
  assert.equal(after.counter, 42, 'script state survives');
  assert.equal(after.focused, 'typed', 'focus goes back where it was');

  // The toggle again from the popup, then closed with the close button.
  await popup.click('#reader');
  const again = await readerFrame(page, ext);
  assert.equal(await again.evaluate(() => document.documentElement.dataset.theme), 'dark', 'settings apply next time');
  await again.click('#close');
  await page.waitForFunction(() => !document.querySelector('iframe[data-plainpage-reader]'));
  const s = await status(ext, tabId);
  assert.equal(s.cleaned, false, 'no host permission: reader view only, nothing cleaned');
  await popup.close();
  await page.close();
});

test('reader view on five corpus pages, right-to-left included (activeTab only)', async (t) => {
  const ext = asBuilt;
  assert.ok(ext, 'the as-built profile is launched by the test before');
  for (const name of CORPUS_PAGES) {
    const page = await ext.context.newPage();
    await page.goto(server.url(name));
    await pressToolbarButton(ext, page);
    const tabId = await tabIdOf(ext, page);
    const popup = await openPopup(ext, tabId);
    await popup.click('#reader');
    const frame = await readerFrame(page, ext);
    const title = fold(await frame.locator('article .title').innerText());
    assert.ok(title.length > 0, `${name}: no title`);
    const text = fold(await frame.locator('article .content').innerText());
    const sentence = articleSentence(name);
    assert.ok(text.includes(sentence), `${name}: reader view lost "${sentence}"`);
    const dir = await frame.evaluate(() => document.querySelector('article').dir);
    if (name.startsWith('rtl-')) assert.equal(dir, 'rtl', `${name}: reader view is not right-to-left`);
    const images = await frame.locator('article .content img').count();
    t.diagnostic(`${name}: "${title.slice(0, 60)}", ${text.split(' ').length} words, ${images} images, dir ${dir}`);
    await popup.close();
    await page.close();
  }
});

/** The shortcut of the reader command, from commands.getAll() in the background. */
async function readerShortcut(ext) {
  const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
  const command = commands.find((c) => c.name === 'toggle-reader');
  assert.ok(command, `no toggle-reader command: ${JSON.stringify(commands)}`);
  return command.shortcut;
}

test('the reader shortcut is assigned on a fresh profile, and the popup shows it', async (t) => {
  const ext = asBuilt;
  assert.ok(ext, 'the as-built profile is launched by an earlier test');
  const suggested = suggestedReaderKey(DIST);
  const shortcut = await readerShortcut(ext);
  t.diagnostic(`suggested ${suggested}; commands.getAll() gives "${shortcut}"`);
  assert.notEqual(shortcut, '', `Chromium did not assign the suggested key ${suggested} (it refuses its own shortcuts)`);
  assert.equal(shortcut, suggested);

  const page = await ext.context.newPage();
  await page.goto(server.url('seed'));
  await pressToolbarButton(ext, page);
  const popup = await openPopup(ext, await tabIdOf(ext, page));
  assert.equal(await popup.locator('#shortcut').isVisible(), true, 'the popup shows the shortcut');
  assert.equal(await popup.locator('#shortcut-keys').innerText(), shortcut);
  assert.equal(await popup.locator('#no-shortcut').isVisible(), false);
  const file = join(ARTIFACTS, 'chromium-popup-shortcut.png');
  await popup.locator('body').screenshot({ path: file });
  t.diagnostic(`saved ${file}`);
  await popup.close();
  await page.close();
});

test('"Clean this page" with activeTab only: cleaned once, no host permission, the switch off; "Restore all", then "Clean again" without a reload', async (t) => {
  const ext = asBuilt;
  assert.ok(ext, 'the as-built profile is launched by an earlier test');
  const page = await ext.context.newPage();
  await page.goto(server.url('seed'));
  const before = await leaveState(page);
  // The toolbar button grants activeTab; the content script is not in the page yet, so the
  // click below goes through the injection (scripting.executeScript) as a user's would.
  await pressToolbarButton(ext, page);
  const tabId = await tabIdOf(ext, page);
  assert.equal(await status(ext, tabId).catch(() => null), null, 'no content script in the page before the click');
  const popup = await openPopup(ext, tabId);
  assert.equal(await popup.isChecked('#site'), false, 'automatic cleaning is off for the site');
  assert.equal(await popup.locator('#clean-once').isVisible(), true, 'the popup offers "Clean this page"');
  assert.equal(await popup.locator('#clean-once').isEnabled(), true);
  assert.equal(await popup.locator('#removed').isVisible(), false);

  await popup.click('#clean-once');
  const cleaned = await waitForStatus(ext, tabId, (x) => x.cleaned, 'the seed page to be cleaned once');
  t.diagnostic(`clean this page: ${cleaned.total} blocks hidden ${JSON.stringify(cleaned.counts)}`);
  await popup.waitForSelector('#removed:not([hidden])');
  const text = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(!text.includes(phrase), `still visible after "Clean this page": ${phrase}`);
  for (const p of seed.paragraphs()) assert.ok(text.includes(p), `article paragraph hidden: ${p.slice(0, 60)}…`);
  assert.equal(await popup.locator('#clean-once').isVisible(), false, 'the page is cleaned: "Clean this page" is not offered');
  assert.ok((await popup.locator('#counts li button:not([disabled])').count()) > 0, 'the popup lists removals by category');

  // Nothing lasting: no host permission, the site not allowed, the switch still off, no cleaner registered.
  const lasting = await ext.worker.evaluate(async (origin) => ({
    contains: await chrome.permissions.contains({ origins: [`${origin}/*`] }),
    pattern: await chrome.permissions.contains({ origins: ['*://127.0.0.1/*'] }),
    origins: (await chrome.permissions.getAll()).origins ?? [],
    sites: (await chrome.storage.local.get('sites')).sites ?? {},
    registered: (await chrome.scripting.getRegisteredContentScripts()).length,
  }), server.origin);
  assert.deepEqual(lasting, { contains: false, pattern: false, origins: [], sites: {}, registered: 0 }, 'no lasting grant or setting');
  await popup.reload();
  await popup.waitForSelector('body[data-ready="true"]');
  assert.equal(await popup.isChecked('#site'), false, 'the site switch is still off');
  assert.equal(await popup.locator('#removed').isVisible(), true, 'a cleaned page shows what was removed');
  assert.equal(await popup.locator('#clean-once').isVisible(), false);

  // Restore all: everything back, and "Clean again" in the same popup.
  await popup.click('#restore');
  await waitForStatus(ext, tabId, (x) => !x.cleaned && x.restored, 'restore');
  await popup.waitForSelector('#restored:not([hidden])');
  assert.equal(await page.locator('[data-plainpage-removed]').count(), 0);
  const restored = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(restored.includes(phrase), `restore left hidden: ${phrase}`);
  assert.equal(await popup.locator('#clean-again').isVisible(), true, 'the popup offers "Clean again"');

  await popup.click('#clean-again');
  await waitForStatus(ext, tabId, (x) => x.cleaned, 'cleaning again');
  await popup.waitForSelector('#removed:not([hidden])');
  assert.equal(await popup.locator('#restored').isVisible(), false);
  const again = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(!again.includes(phrase), `still visible after "Clean again": ${phrase}`);
  for (const p of seed.paragraphs()) assert.ok(again.includes(p), `article paragraph hidden: ${p.slice(0, 60)}…`);
  const after = await stateNow(page);
  assert.equal(after.value, before.value, 'typed input survives: no reload');
  assert.equal(after.origin, before.origin, 'the page was not reloaded');
  assert.equal(after.counter, 42, 'script state survives');
  assert.equal(await ext.worker.evaluate(() => chrome.permissions.contains({ origins: ['*://127.0.0.1/*'] })), false);
  await popup.close();
  await page.close();
});

test('a suggested key Chromium refuses (Alt+Shift+R): no shortcut, and the popup links to chrome://extensions/shortcuts', async (t) => {
  // A copy of dist/chrome suggesting the key this extension used to suggest.
  const dir = join(temp, 'chrome-refused-key');
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.commands['toggle-reader'].suggested_key = { default: 'Alt+Shift+R' };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const ext = await launch(dir, 'refused-key');
  try {
    assert.equal(await readerShortcut(ext), '', 'Chromium now assigns Alt+Shift+R: this test no longer shows the fallback');
    const page = await ext.context.newPage();
    await page.goto(server.url('seed'));
    await pressToolbarButton(ext, page);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    assert.equal(await popup.locator('#shortcut').isVisible(), false);
    assert.equal(await popup.locator('#no-shortcut').isVisible(), true, 'the popup says no shortcut is set');
    const button = popup.locator('#set-shortcut');
    assert.match(await button.innerText(), /chrome:\/\/extensions\/shortcuts/);
    const file = join(ARTIFACTS, 'chromium-popup-no-shortcut.png');
    await popup.locator('body').screenshot({ path: file });
    t.diagnostic(`saved ${file}`);
    const [opened] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), button.click()]);
    await opened.waitForLoadState().catch(() => {});
    assert.equal(opened.url(), 'chrome://extensions/shortcuts');
  } finally {
    await ext.context.close();
  }
});

/** The second profile: a copy of dist/chrome with 127.0.0.1 granted (see the top of this file). */
async function launchGranted() {
  const dir = join(temp, 'chrome-granted');
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['*://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return launch(dir, 'granted');
}

test('automatic cleaning switched on from the popup: chrome hidden, article visible, show removed, restore', async (t) => {
  granted = await launchGranted();
  const page = await granted.context.newPage();
  await page.goto(server.url('seed'));
  const tabId = await tabIdOf(granted, page);
  const popup = await openPopup(granted, tabId);
  assert.equal(await popup.isChecked('#site'), false);
  await popup.click('#site');
  const cleaned = await waitForStatus(granted, tabId, (s) => s.cleaned, 'the seed page to be cleaned');
  await popup.reload();
  await popup.waitForSelector('body[data-ready="true"]');
  assert.equal(await popup.isChecked('#site'), true, 'the switch shows the site is on');
  const counts = await popup.$$eval('#counts li', (lis) => lis.map((li) => [li.dataset.category, li.querySelector('.n').textContent]).filter(([, n]) => n !== '0'));
  assert.ok(counts.length > 0, 'the popup lists removals by category');
  t.diagnostic(`popup: ${await popup.locator('#total').innerText()} — ${counts.map((c) => c.join(' ')).join(', ')}`);

  const text = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(!text.includes(phrase), `still visible after cleaning: ${phrase}`);
  for (const p of seed.paragraphs()) assert.ok(text.includes(p), `article paragraph hidden: ${p.slice(0, 60)}…`);
  await page.bringToFront();
  await page.screenshot({ path: join(ARTIFACTS, 'chromium-cleaned-seed.png'), fullPage: true });

  // Show removed: outlined instead of hidden, everything readable again.
  await popup.click('#show');
  await waitForStatus(granted, tabId, (s) => s.mode === 'outline', 'outline mode');
  // The status says the new mode as soon as the change starts; the blocks follow once the page is judged again.
  await assertRemoved(() => page.evaluate(removedInPage), allOutlined(cleaned.total), 'Show removed');
  const outlined = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(outlined.includes(phrase), `outline mode hides: ${phrase}`);
  const styles = await page.$$eval('[data-plainpage-removed]', (els) => els.map((e) => e.style.outlineStyle));
  assert.ok(styles.length > 0 && styles.every((s) => s === 'dashed'), 'removed blocks are outlined');
  await page.screenshot({ path: join(ARTIFACTS, 'chromium-show-removed-seed.png'), fullPage: true });
  await popup.click('#show');
  await waitForStatus(granted, tabId, (s) => s.mode === 'hide', 'hide mode');
  await assertRemoved(() => page.evaluate(removedInPage), allHidden(cleaned.total), 'leaving Show removed');

  // Restore all: the page as it was.
  await popup.click('#restore');
  await waitForStatus(granted, tabId, (s) => !s.cleaned, 'restore');
  assert.equal(await page.locator('[data-plainpage-removed]').count(), 0);
  const restored = await visibleText(page);
  for (const phrase of seed.chromePhrases()) assert.ok(restored.includes(phrase), `restore left hidden: ${phrase}`);

  // The site stays on: the next load is cleaned by the registered content script at idle.
  await page.reload();
  await waitForStatus(granted, tabId, (s) => s.cleaned, 'cleaning after a reload');
  await popup.close();
  await page.close();
});

/** The popup's legend: each category's row, its swatch colour, its count and whether it can be clicked. */
function legendOf(popup) {
  return popup.$$eval('#counts li', (lis) => lis.map((li) => ({
    category: li.dataset.category,
    colour: getComputedStyle(li.querySelector('.swatch')).borderTopColor,
    count: Number(li.querySelector('.n').textContent),
    enabled: !li.querySelector('button').disabled,
  })));
}

async function labelsShown(page, count, what) {
  await page.waitForFunction((n) => {
    const host = document.querySelector('plainpage-labels');
    return (host ? host.shadowRoot.querySelectorAll('[data-category]').length : 0) === n;
  }, count, { timeout: 10_000 }).catch(() => {
    throw new Error(`expected ${count} labels ${what}`);
  });
  return page.evaluate(labelsInPage);
}

test('why each block went: a label per outlined block (category, reason), the legend, one category, Restore, Always keep on this site (options list, delete), byte-identical when off', async (t) => {
  const page = await granted.context.newPage();
  await page.goto(server.url('seed'));
  await page.bringToFront();
  const tabId = await tabIdOf(granted, page);
  const cleaned = await waitForStatus(granted, tabId, (x) => x.cleaned, 'the seed page to be cleaned');
  const hidden = await page.evaluate(() => document.documentElement.outerHTML);
  const expected = await engineRemovals(server.source('seed'), server.url('seed'));
  assert.equal(cleaned.total, expected.length, 'the page hides what the engine removes');

  // The legend: every category with the colour its outlines have, and the page's counts.
  const popup = await openPopup(granted, tabId);
  const colours = categoryColours();
  const legend = await legendOf(popup);
  assert.deepEqual(legend.map((l) => l.category), CATEGORIES, 'the legend lists every category');
  for (const l of legend) {
    assert.equal(l.colour, colours[l.category], `${l.category}: the legend's colour is not the outline's`);
    assert.equal(l.count, cleaned.counts[l.category] ?? 0, `${l.category}: the legend's count`);
    assert.equal(l.enabled, l.count > 0, `${l.category}: a count is clickable when there is something to outline`);
  }

  // Show removed: one label per removed block, with its category and the engine's reason.
  await popup.click('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'outline', 'outline mode');
  const labels = await labelsShown(page, expected.length, 'in outline mode');
  assert.deepEqual(reasonLines(labels), reasonLines(expected), 'the labels say what the engine said: category and reason');
  for (const l of labels) {
    assert.equal(l.chip, l.category);
    assert.ok(l.reason.split(' ').length >= 3, `a reason in words: "${l.reason}"`);
    assert.deepEqual(l.buttons, ['Restore', 'Always keep on this site']);
    assert.ok(l.marked >= 1, `the label's key ${l.key} names a block marked ${l.category}`);
    assert.equal(l.fontSize, '12px', 'the page\'s styles do not reach the labels');
    // Drawn at its own width (a line of reason or more, not one word a line) and not taller than a few lines.
    assert.ok(l.width >= 200 && l.height > 0 && l.height < 120, `the label is drawn ${l.width} × ${l.height} px`);
  }
  const marks = await page.evaluate(marksInPage);
  assert.ok(marks.every((m) => m.outline === 'dashed' && m.display !== 'none'), 'every removed block is outlined');
  t.diagnostic(`${labels.length} labels: ${labels.map((l) => `${l.category}: ${l.reason}`).join(' | ')}`);
  const inView = await page.evaluate(scrollToMostLabels);
  const shot = join(ARTIFACTS, 'chromium-show-removed-labels.png');
  await page.screenshot({ path: shot });
  t.diagnostic(`saved ${shot} (${inView} labels in view)`);

  // Leaving Show removed leaves the page byte for byte as it was.
  await popup.click('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'hide', 'hide mode');
  // The status says "hide" as soon as the change starts; the blocks are hidden again once the page is judged again.
  await assertRemoved(() => page.evaluate(removedInPage), allHidden(expected.length), 'leaving Show removed');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), hidden, 'leaving Show removed changed the page');

  // A click on a count outlines just that category; the others stay hidden.
  const category = legend.filter((l) => l.enabled).sort((a, b) => a.count - b.count)[0].category;
  await popup.click(`#counts li[data-category="${category}"] button`);
  await waitForStatus(granted, tabId, (x) => x.mode === 'outline' && x.only === category, `outline only ${category}`);
  const only = await labelsShown(page, cleaned.counts[category], `for ${category} alone`);
  assert.ok(only.every((l) => l.category === category), `labels of other categories than ${category}`);
  // The popup draws its legend again once the page answers (the labels come first).
  const pressed = () => popup.getAttribute(`#counts li[data-category="${category}"] button`, 'aria-pressed');
  assert.equal(await settled(pressed, (v) => v === 'true'), 'true', `the ${category} count does not show it is pressed`);
  const legendShot = join(ARTIFACTS, 'chromium-popup-legend.png');
  await popup.locator('#removed').screenshot({ path: legendShot });
  t.diagnostic(`saved ${legendShot}`);
  const onlyMarks = await page.evaluate(marksInPage);
  for (const m of onlyMarks) {
    if (m.category === category) assert.ok(m.outline === 'dashed' && m.display !== 'none', `${category} is outlined`);
    else assert.equal(m.display, 'none', `${m.category} stays hidden while ${category} is outlined`);
  }
  t.diagnostic(`outlined only ${category}: ${only.length} labels, ${onlyMarks.length - only.length} other blocks hidden`);
  await popup.uncheck('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'hide' && x.only === null, 'hide mode');
  await assertRemoved(() => page.evaluate(removedInPage), allHidden(expected.length), `leaving ${category}'s outlines`);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), hidden, 'leaving one category\'s outlines changed the page');

  // Restore one block, then always keep another on this site.
  await popup.check('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'outline', 'outline mode');
  const [restoreThis, keepThis] = twoUniqueLabels(await labelsShown(page, expected.length, 'in outline mode again'));
  assert.ok(restoreThis && keepThis, 'the page has two blocks a key names alone');
  await page.locator(`[data-key="${restoreThis.key}"] [data-action="restore"]`).click();
  await labelsShown(page, expected.length - 1, 'after Restore');
  const back = await page.evaluate(blockInPage, restoreThis.key);
  assert.deepEqual({ mark: back.mark, saved: back.saved, outline: back.outline }, { mark: null, saved: false, outline: '' }, 'the restored block has its own style back');
  assert.notEqual(back.display, 'none');
  assert.equal((await page.evaluate(marksInPage)).length, expected.length - 1, 'Restore brings back that block only');
  assert.equal((await status(granted, tabId)).total, expected.length - 1);

  await page.locator(`[data-key="${keepThis.key}"] [data-action="keep"]`).click();
  await labelsShown(page, expected.length - 2, 'after Always keep');
  const kept = await granted.worker.evaluate(() => chrome.storage.local.get('keep'));
  assert.deepEqual(kept.keep['127.0.0.1']?.map((e) => [e.selector, e.category]), [[keepThis.key, keepThis.category]], 'the exception is stored for the site');
  assert.equal((await page.evaluate(blockInPage, keepThis.key)).mark, null);
  t.diagnostic(`restored ${restoreThis.category} ${restoreThis.key}; kept ${keepThis.category} ${keepThis.key}`);

  const options = await granted.context.newPage();
  await options.goto(granted.url('options.html'));
  await options.waitForSelector('body[data-ready="true"]');
  const row = options.locator(`#kept li[data-host="127.0.0.1"] li[data-selector="${keepThis.key}"]`);
  assert.equal(await row.count(), 1, 'the options page lists the exception');
  assert.match(await row.innerText(), new RegExp(keepThis.category));

  // After a reload the kept block stays and the others go (the restored one too: Restore was for that page).
  await page.reload();
  let again = await waitForStatus(granted, tabId, (x) => x.cleaned, 'cleaning after a reload');
  assert.equal(again.total, expected.length - 1, 'every block but the kept one is removed');
  assert.equal(again.kept, 1);
  assert.equal((await page.evaluate(blockInPage, keepThis.key)).mark, null, 'the kept block stays');
  assert.equal((await page.evaluate(blockInPage, restoreThis.key)).mark, restoreThis.category, 'the block restored on the last page goes again');
  assert.notEqual((await page.evaluate(blockInPage, keepThis.key)).display, 'none');

  // Deleted on the options page: it goes again on the next load.
  await row.locator('button').click();
  await options.waitForFunction(() => document.querySelectorAll('#kept li[data-selector]').length === 0);
  assert.deepEqual((await granted.worker.evaluate(() => chrome.storage.local.get('keep'))).keep, {});
  await page.reload();
  again = await waitForStatus(granted, tabId, (x) => x.cleaned, 'cleaning after the exception is deleted');
  assert.equal(again.total, expected.length);
  assert.equal((await page.evaluate(blockInPage, keepThis.key)).mark, keepThis.category, 'the block goes again');
  await options.close();
  await popup.close();
  await page.close();
});

test('a page style sheet at war with the labels (lib/hostile.css): drawn at their size, both buttons shown and clickable, byte-identical when off', async (t) => {
  // The same page without the hostile sheet first: how the labels are drawn there.
  const plainPage = await granted.context.newPage();
  await plainPage.goto(server.url('seed'));
  await plainPage.bringToFront();
  const plainTab = await tabIdOf(granted, plainPage);
  await waitForStatus(granted, plainTab, (x) => x.cleaned, 'the seed page to be cleaned');
  const expected = await engineRemovals(server.hostileSource('seed'), server.url('seed', { hostile: true }));
  await granted.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:set-mode', mode: 'outline' }), plainTab);
  const plain = await labelsShown(plainPage, expected.length, 'on the seed page without the hostile sheet');
  await plainPage.close();

  const page = await granted.context.newPage();
  await page.goto(server.url('seed', { hostile: true }));
  await page.bringToFront();
  const tabId = await tabIdOf(granted, page);
  const cleaned = await waitForStatus(granted, tabId, (x) => x.cleaned, 'the hostile page to be cleaned');
  assert.equal(cleaned.total, expected.length, 'the page hides what the engine removes');
  // The sheet is in force: the page's own buttons are gone and its text is huge.
  const sheet = await page.evaluate(() => ({
    buttons: [...document.querySelectorAll('button')].filter((b) => getComputedStyle(b).display !== 'none').length,
    font: getComputedStyle(document.querySelector('p')).fontSize,
  }));
  assert.deepEqual(sheet, { buttons: 0, font: '44px' }, 'the hostile style sheet does not apply to the page');
  const hidden = await page.evaluate(() => document.documentElement.outerHTML);

  const popup = await openPopup(granted, tabId);
  await popup.click('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'outline', 'outline mode');
  await labelsShown(page, expected.length, 'in outline mode on the hostile page');
  const seen = await page.evaluate(labelControlsInPage);
  assertLabelsWithstand(seen, plain, 'Chromium');
  t.diagnostic(`${seen.labels.length} labels drawn as without the sheet; host ${JSON.stringify(seen.host)}`);
  // Painted, not only laid out: each label's border and Restore button in a screenshot.
  await page.bringToFront();
  const shot = join(ARTIFACTS, 'chromium-show-removed-hostile.png');
  await assertLabelsPainted(seen.labels.length, {
    pointsOf: (i) => page.evaluate(labelPaintPoints, i),
    screenshot: () => page.screenshot(),
  }, 'Chromium', shot);
  t.diagnostic(`saved ${shot}`);

  // Off again: the page byte for byte as it was, the hostile sheet notwithstanding.
  await popup.click('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'hide', 'hide mode');
  // The status says "hide" as soon as the change starts; the blocks are hidden again once the page is judged again.
  await assertRemoved(() => page.evaluate(removedInPage), allHidden(expected.length), 'leaving Show removed on the hostile page');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), hidden, 'leaving Show removed changed the hostile page');

  // And the buttons work: Restore, clicked as a user clicks, brings back that block alone.
  await popup.click('#show');
  await waitForStatus(granted, tabId, (x) => x.mode === 'outline', 'outline mode again');
  const [one] = twoUniqueLabels(await labelsShown(page, expected.length, 'in outline mode again'));
  assert.ok(one, 'the page has a block a key names alone');
  await page.locator(`[data-key="${one.key}"] [data-action="restore"]`).click();
  await labelsShown(page, expected.length - 1, 'after Restore on the hostile page');
  assert.equal((await page.evaluate(blockInPage, one.key)).mark, null, 'Restore on the hostile page brings the block back');
  assert.equal((await status(granted, tabId)).total, expected.length - 1);
  await popup.close();
  await page.close();
});

test('"Restore all" while a change of mode is being judged: the page stays restored', async () => {
  const page = await granted.context.newPage();
  await page.goto(server.url('seed'));
  const tabId = await tabIdOf(granted, page);
  const cleaned = await waitForStatus(granted, tabId, (x) => x.cleaned, 'the seed page to be cleaned');
  assert.ok(cleaned.total > 0, 'cleaning hid nothing, so this test shows nothing');
  // Show removed, and Restore all right behind it: the restore arrives while the page is with the
  // engine for the new mode. The verdict that comes back must not mark the restored page again.
  const answers = await granted.worker.evaluate(async (id) => {
    const mode = chrome.tabs.sendMessage(id, { type: 'cs:set-mode', mode: 'outline' });
    const restored = await chrome.tabs.sendMessage(id, { type: 'cs:restore' });
    const after = await mode;
    return { restored: [restored.cleaned, restored.total], after: [after.cleaned, after.total] };
  }, tabId);
  assert.deepEqual(answers, { restored: [false, 0], after: [false, 0] }, 'the status after the mode change');
  assert.deepEqual(await page.evaluate(removedInPage), allHidden(0), 'the page after Restore all');
  await page.close();
});

test('a prompt injected 2 s after load is cleaned, and scrolling comes back', async (t) => {
  const page = await granted.context.newPage();
  await page.goto(server.url('seed', { inject: true }));
  const tabId = await tabIdOf(granted, page);
  await waitForStatus(granted, tabId, (s) => s.cleaned, 'the first cleaning');
  await page.waitForFunction(() => window.lateGateHiddenAt !== undefined, null, { timeout: 10_000 });
  const seen = await page.evaluate(() => {
    const gate = document.getElementById('late-gate');
    return {
      display: getComputedStyle(gate).display,
      mark: gate.dataset.plainpageRemoved ?? null,
      ms: window.lateGateHiddenAt - window.lateGateAt,
      frames: window.lateGateFrames,
    };
  });
  assert.equal(seen.display, 'none', 'the injected gate is hidden');
  assert.equal(seen.mark, 'subscribe');
  t.diagnostic(`the injected gate was hidden ${seen.ms.toFixed(1)} ms after it arrived (${seen.frames} animation frames)`);
  assert.ok(seen.ms < 250, `the injected gate stayed visible for ${seen.ms.toFixed(0)} ms`);
  const s = await status(granted, tabId);
  assert.equal(s.unlockedScroll, true, 'the verdict unlocked scrolling');
  const overflow = await page.evaluate(() => [getComputedStyle(document.documentElement).overflowY, getComputedStyle(document.body).overflowY]);
  assert.ok(!overflow.includes('hidden'), `scrolling is still locked: ${overflow}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(400, 300);
  await page.mouse.wheel(0, 700);
  await page.waitForFunction(() => window.scrollY > 300, null, { timeout: 5000 });
  await page.close();
});

/**
 * Opens reader view from the popup, returns the article's text (header included) and word counts
 * (shown and counted), closes it with Esc.
 */
async function readerArticle(ext, page, popup) {
  await popup.click('#reader');
  await page.bringToFront();
  const frame = await readerFrame(page, ext);
  const text = fold(await frame.locator('article').innerText());
  const words = await frame.evaluate(readerWords);
  await frame.focus('#close');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('iframe[data-plainpage-reader]'));
  return { text, words };
}

test('reader view gives the same article whether the page was cleaned or not', async (t) => {
  const name = CLEANING_CHANGED_READER;
  const page = await granted.context.newPage();
  await page.goto(server.url(name));
  const tabId = await tabIdOf(granted, page);
  const s = await waitForStatus(granted, tabId, (x) => x.cleaned, `${name} to be cleaned`);
  assert.ok(s.total > 0, `${name}: cleaning hid nothing, so this test shows nothing`);
  const marks = () => page.locator('[data-plainpage-removed]').count();
  const marked = await marks();
  // The cleaned page as it is, hidden blocks hidden: what the reader read before it read the page as it was before cleaning.
  const asCleaned = await engineArticle(await page.evaluate(() => document.documentElement.outerHTML), page.url());
  const popup = await openPopup(granted, tabId);
  const cleaned = await readerArticle(granted, page, popup);
  assert.equal(await marks(), marked, 'reader view changed the cleaned page');
  await granted.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:restore' }), tabId);
  await waitForStatus(granted, tabId, (x) => !x.cleaned, 'restore');
  assert.equal(await marks(), 0);
  const restored = await engineArticle(await page.evaluate(() => document.documentElement.outerHTML), page.url());
  const uncleaned = await readerArticle(granted, page, popup);
  t.diagnostic(`${name}: ${s.total} blocks hidden; reader article ${cleaned.words.shown} words (${cleaned.text.length} characters) cleaned, ${uncleaned.words.shown} (${uncleaned.text.length}) not; read from the cleaned page as it is: ${asCleaned.wordCount} words`);
  assertSameArticle({ cleaned, uncleaned, restored: restored.wordCount, asCleaned: asCleaned.wordCount }, `Chromium, ${name}`);
  assert.ok(cleaned.text === uncleaned.text, `${name}: reader view differs after cleaning: ${cleaned.text.length} characters cleaned, ${uncleaned.text.length} not, from character ${firstDifference(cleaned.text, uncleaned.text)}`);
  await popup.close();
  await page.close();
});

test('automatic cleaning on five corpus pages keeps the article visible', async (t) => {
  for (const name of CORPUS_PAGES) {
    const page = await granted.context.newPage();
    await page.goto(server.url(name));
    const tabId = await tabIdOf(granted, page);
    const s = await waitForStatus(granted, tabId, (x) => x.cleaned, `${name} to be cleaned`);
    const text = await visibleText(page);
    const sentence = articleSentence(name);
    assert.ok(text.includes(sentence), `${name}: cleaning hid the article ("${sentence}")`);
    t.diagnostic(`${name}: ${s.total} blocks hidden ${JSON.stringify(s.counts)}`);
    if (name === LARGEST) await page.screenshot({ path: join(ARTIFACTS, `chromium-cleaned-${name}.png`) });
    await page.close();
  }
});

/** The labelled pages of tests/data/clean: NAME.html, with what must go and stay in NAME.labels. */
const CLEAN_PAGES = readdirSync(CLEAN_DIR)
  .filter((f) => f.endsWith('.labels'))
  .map((f) => f.slice(0, -'.labels'.length))
  .sort();

/**
 * What the live page shows for each label: every element its selector matches, whether the
 * element or an ancestor carries the extension's mark (and which category), its computed display
 * and text. Runs in the page.
 */
function inspectLabels(labels) {
  const fold = (text) => text.replace(/\s+/g, ' ').trim();
  const describe = (el) => `<${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}>`;
  return labels.map(({ selector }) => {
    let matched;
    try {
      matched = [...document.querySelectorAll(selector)];
    } catch (error) {
      return { error: String(error.message ?? error) };
    }
    return {
      elements: matched.map((el) => {
        const marker = el.closest('[data-plainpage-removed]');
        return {
          element: describe(el),
          display: getComputedStyle(el).display,
          text: fold(el.innerText ?? ''),
          marker: marker && {
            element: describe(marker),
            category: marker.getAttribute('data-plainpage-removed'),
            display: getComputedStyle(marker).display,
          },
        };
      }),
    };
  });
}

/** The problems with one label line on a cleaned page (empty when the page agrees with it). */
function labelProblems(label, seen, visible) {
  if (seen.error) return [`the selector does not parse: ${seen.error}`];
  if (seen.elements.length === 0) return ['the selector matches nothing on the page'];
  const problems = [];
  for (const el of seen.elements) {
    const mark = el.marker && `${el.marker.element === el.element ? 'it is' : `it is inside ${el.marker.element},`} marked "${el.marker.category}" (display ${el.marker.display})`;
    if (label.verb === 'remove') {
      if (!el.marker) problems.push(`${el.element} is not marked removed by the extension (display ${el.display})`);
      else if (el.marker.category !== label.category) problems.push(`${el.element}: ${mark}, not "${label.category}"`);
      else if (el.display !== 'none' && el.marker.display !== 'none') problems.push(`${el.element} is still displayed: ${mark}`);
    } else if (label.verb === 'keep') {
      if (el.marker) problems.push(`${el.element} was removed: ${mark}`);
      else if (el.display === 'none') problems.push(`${el.element} has display none`);
      else if (!visible.includes(el.text)) problems.push(`${el.element}: its text is not in the page's visible text: "${el.text.slice(0, 80)}"`);
    }
  }
  return problems;
}

test('automatic cleaning on the labelled pages of tests/data/clean: every remove label hidden, every keep label shown', async (t) => {
  assert.ok(granted, 'the granted profile is launched by an earlier test');
  for (const name of CLEAN_PAGES) {
    await t.test(name, async (st) => {
      const labels = readLabels(join(CLEAN_DIR, `${name}.labels`)).filter((l) => l.verb !== 'may');
      const page = await granted.context.newPage();
      try {
        await page.goto(server.url(`clean/${name}`));
        const tabId = await tabIdOf(granted, page);
        const s = await waitForStatus(granted, tabId, (x) => x.cleaned, `${name}.html to be cleaned`);
        const removed = await page.$$eval('[data-plainpage-removed]', (els) =>
          els.map((el) => `<${el.localName}${[...el.classList].map((c) => `.${c}`).join('')}> ${el.getAttribute('data-plainpage-removed')}`),
        );
        st.diagnostic(`${name}.html: ${s.total} blocks hidden${removed.length ? `: ${removed.join(', ')}` : ''}`);
        if (name === 'rails') {
          await page.bringToFront();
          const file = join(ARTIFACTS, 'chromium-cleaned-labels-rails.png');
          await page.screenshot({ path: file, fullPage: true });
          st.diagnostic(`saved ${file}`);
        }
        const visible = await visibleText(page);
        const seen = await page.evaluate(inspectLabels, labels.map(({ selector }) => ({ selector })));
        const failures = labels.flatMap((label, i) =>
          labelProblems(label, seen[i], visible).map((p) => `${name}.html, ${label.file}:${label.line} "${label.text}" (selector ${label.selector}): ${p}`),
        );
        assert.deepEqual(failures, [], `${name}.html does not agree with ${name}.labels:\n  ${failures.join('\n  ')}`);
      } finally {
        await page.close();
      }
    });
  }
});

test('timings in Chromium: toggle → reader view painted, document idle → cleaned, each split into its parts', async (t) => {
  const lines = [];
  const problems = [];
  for (const name of ['seed', LARGEST]) {
    const splitLines = [];
    const cleaned = [];
    const breakdown = [];
    const painted = [];
    const page = await granted.context.newPage();
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(server.url(name));
      const tabId = await tabIdOf(granted, page);
      // Cleaned, and the frame after it drawn (the split's last part).
      const s = await waitForStatus(granted, tabId, (x) => x.cleaned && x.timings.parts?.painted !== undefined, `${name} cleaned and painted`);
      cleaned.push(s.timings.cleaned);
      breakdown.push(s.timings);
      // Reader view: toggled as the keyboard shortcut does (background → content script).
      await granted.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:toggle-reader' }), tabId);
      const open = await waitForStatus(granted, tabId, (x) => x.timings.readerPainted !== undefined, 'reader painted');
      painted.push(open.timings.readerPainted);
      await granted.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:toggle-reader' }), tabId);
      // Each wait's parts are there, take time where they must, and add up to no more than the
      // wait (lib/latency.mjs); no part's time is asserted.
      const splits = { clean: cleanSplit(s), reader: readerSplit(open) };
      for (const [which, split] of Object.entries(splits)) {
        problems.push(...splitProblems(split, which, { slack: 0.2 }).map((p) => `${name}, round ${round + 1}, ${which}: ${p}`));
        if (round === 0 && split) splitLines.push(`${name} ${which === 'clean' ? 'idle → cleaned, painted' : 'toggle → reader painted'} (round 1): ${describeSplit(split, which)}`);
      }
    }
    await page.close();
    const mid = (key) => median(breakdown.map((b) => b[key] ?? 0)).toFixed(1);
    lines.push(
      `${name}: idle → cleaned median ${median(cleaned).toFixed(1)} ms (min ${Math.min(...cleaned).toFixed(1)}, max ${Math.max(...cleaned).toFixed(1)}; ` +
        `serialize + engine round trip ${mid('analyze')} ms of which survey + judge ${mid('engine')} ms, apply ${mid('apply')} ms); ` +
        `toggle → reader painted median ${median(painted).toFixed(1)} ms (min ${Math.min(...painted).toFixed(1)}, max ${Math.max(...painted).toFixed(1)}), ${ROUNDS} rounds`,
      ...splitLines,
    );
  }
  for (const line of lines) {
    console.log(`timing (Chromium) ${line}`);
    t.diagnostic(line);
  }
  writeFileSync(join(ARTIFACTS, 'chromium-timings.txt'), `${lines.join('\n')}\n`);
  assert.deepEqual(problems, [], `the waits do not split into their parts:\n  ${problems.join('\n  ')}`);
});

test('options: custom rules and an imported list are compiled with a report, saved, and used on the next page', async (t) => {
  const options = await granted.context.newPage();
  await options.goto(granted.url('options.html'));
  await options.waitForSelector('body[data-ready="true"]');
  await options.fill('#custom', '! my rules\n127.0.0.1##p.site-footer__legal\n##.a + .b\n');
  // The list is imported and *Save rules* pressed in the same task, so the save certainly comes
  // while the page is still reading the file (the read is asynchronous after the change event).
  // The save waits for the import: the list is saved and its row drawn by the time "Saved" shows.
  // (The save used to go without the list, and the row came later: 0 !== 1 in one run of five;
  // with setInputFiles and a separate click the read usually won, so the race hid.)
  await options.evaluate((text) => {
    const input = document.getElementById('import');
    const files = new DataTransfer();
    files.items.add(new File([text], 'my-annoyances.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    document.getElementById('save-rules').click();
  }, '[Adblock Plus 2.0]\n###nothing-here\n||ads.example.com^\n');
  await options.waitForFunction(() => document.getElementById('rules-saved').textContent.startsWith('Saved'));
  assert.equal(await options.locator('#lists tbody tr').count(), 1, 'the imported list is listed');
  const report = fold(await options.locator('#report').innerText());
  t.diagnostic(report);
  assert.match(report, /custom rules: 1 of 2 element-hiding rules supported/);
  assert.match(report, /my-annoyances\.txt: 1 of 1 element-hiding rules supported .* 1 network rules/);
  await options.click('#report details summary');
  assert.match(fold(await options.locator('#report').innerText()), /line 3: /, 'the unsupported line is named by number');
  const stored = await granted.worker.evaluate(() => chrome.storage.local.get('rules'));
  assert.equal(stored.rules.lists[0].name, 'my-annoyances.txt');

  const page = await granted.context.newPage();
  await page.goto(server.url('seed'));
  const tabId = await tabIdOf(granted, page);
  await waitForStatus(granted, tabId, (x) => x.cleaned, 'cleaning with the custom rules');
  const legal = await page.$eval('p.site-footer__legal', (el) => [el.dataset.plainpageRemoved ?? null, getComputedStyle(el).display]);
  assert.ok(legal[0] !== null && legal[1] === 'none', `the custom rule did not hide its element: ${legal}`);

  // Back to no rules, so nothing after this depends on them.
  await options.fill('#custom', '');
  await options.click('#lists tbody button');
  await options.click('#save-rules');
  await options.waitForFunction(() => document.getElementById('rules-saved').textContent.startsWith('Saved'));
  await options.close();
  await page.close();
});

test('options: each change says "Saved"; a category switched off restores its blocks on an open cleaned tab, the others stay hidden, and switched on hides them again', async (t) => {
  const page = await granted.context.newPage();
  await page.goto(server.url('seed'));
  const tabId = await tabIdOf(granted, page);
  const cleaned = await waitForStatus(granted, tabId, (x) => x.cleaned, 'the seed page to be cleaned');
  const marked = await page.evaluate(marksByOrdinal);
  assert.equal(marked.length, cleaned.total);
  const off = categoryToSwitch(cleaned.counts);
  t.diagnostic(`switching ${off} off and on again; the page had ${JSON.stringify(cleaned.counts)}`);

  const options = await granted.context.newPage();
  await options.goto(granted.url('options.html'));
  await options.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await options.evaluate(savedLine), { text: '', role: 'status', live: 'polite' });
  const box = options.locator(`#categories input[data-category="${off}"]`);
  try {
    await box.uncheck();
    await options.waitForFunction(() => document.getElementById('saved').textContent === 'Saved.', null, { timeout: 5000 });
    const stored = await granted.worker.evaluate(() => chrome.storage.local.get('categories'));
    assert.equal(stored.categories[off], false, 'the switch is stored');
    // The open tab is cleaned again without a reload: that category back, the others still hidden.
    const origin = await page.evaluate(() => performance.timeOrigin);
    const now = await waitForStatus(granted, tabId, (x) => x.cleaned && x.timings.reapplied !== undefined && !x.counts[off], `${off} restored on the open tab`);
    assertSwitchedOff(marked, await page.evaluate(blocksAt, marked.map((m) => m.ordinal)), off, 'Chromium');
    assert.equal(await page.evaluate(() => performance.timeOrigin), origin, 'the tab was not reloaded');
    t.diagnostic(`with ${off} off: ${JSON.stringify(now.counts)}`);
    // "Saved." goes after a couple of seconds.
    await options.waitForFunction(() => document.getElementById('saved').textContent === '', null, { timeout: 5000 });

    const first = now.timings.reapplied;
    await box.check();
    await options.waitForFunction(() => document.getElementById('saved').textContent === 'Saved.', null, { timeout: 5000 });
    const again = await waitForStatus(granted, tabId, (x) => x.cleaned && x.timings.reapplied !== first && x.counts[off] > 0, `${off} hidden again`);
    assert.deepEqual(again.counts, cleaned.counts, 'switched on again: the same blocks as before');
    assert.deepEqual(await page.evaluate(marksByOrdinal), marked, 'switched on again: the same blocks as before');
  } finally {
    await granted.worker.evaluate(() => chrome.storage.local.remove('categories'));
    await options.close();
    await page.close();
  }
});

test('options: "Saved." on adding a site, removing it, every site on and off, and the reader theme; a deleted "Always keep" exception leaves the list and storage', async (t) => {
  // A copy of dist/chrome with every site granted (it stands for "the user allowed every site":
  // headless Chromium cannot answer the prompt of permissions.request for all sites). The
  // options page's requests then get `true` at once; everything else is the real path.
  const dir = join(temp, 'chrome-every-site');
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['*://*/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const ext = await launch(dir, 'every-site');
  try {
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.waitForSelector('body[data-ready="true"]');
    const stored = (key) => ext.worker.evaluate((k) => chrome.storage.local.get(k), key).then((x) => x[key]);
    const saved = async (what) => {
      await options.waitForFunction(() => document.getElementById('saved').textContent === 'Saved.', null, { timeout: 5000 })
        .catch(() => assert.fail(`no "Saved." after ${what}`));
      // Gone again before the next change, so each change is seen to say it.
      await options.waitForFunction(() => document.getElementById('saved').textContent === '', null, { timeout: 5000 });
    };
    assert.deepEqual(await options.evaluate(savedLine), { text: '', role: 'status', live: 'polite' });
    const row = options.locator('#sites li[data-host="127.0.0.1"]');
    assert.equal(await row.count(), 0, 'no site yet');

    // A site added.
    await options.fill('#new-site', '127.0.0.1');
    await options.click('#add-site button[type="submit"]');
    await saved('adding a site');
    // "Saved." shows once the change is stored; the list is drawn again after it.
    assert.equal(await settled(() => row.count(), (n) => n === 1), 1, 'the site is listed');
    assert.equal(await options.locator('#sites-note').innerText(), '127.0.0.1 is cleaned from now on.');
    assert.deepEqual(await stored('sites'), { '127.0.0.1': true });

    // The site removed.
    await row.locator('button').click();
    await saved('removing a site');
    assert.equal(await settled(() => row.count(), (n) => n === 0), 0, 'the site is no longer listed');
    assert.deepEqual(await stored('sites'), {});

    // Every site on, then off.
    await options.check('#all-sites');
    await saved('switching every site on');
    assert.equal(await stored('allSites'), true);
    const excludedShown = () => options.locator('#excluded-box').isVisible();
    assert.equal(await settled(excludedShown, (v) => v), true, 'with every site on, the exceptions are offered');
    await options.uncheck('#all-sites');
    await saved('switching every site off');
    assert.equal(await stored('allSites'), false);
    assert.equal(await options.isChecked('#all-sites'), false);
    assert.equal(await settled(excludedShown, (v) => !v), false, 'the list is drawn again with every site off');

    // The reader theme.
    await options.selectOption('#theme', 'sepia');
    await saved('changing the reader theme');
    assert.equal((await stored('reader')).theme, 'sepia');

    // Two blocks always kept on a site; one deleted: its row goes, the other stays, storage follows.
    const keep = { 'news.example': [
      { selector: 'body > div.newsletter-box', category: 'newsletter', preview: 'Sign up' },
      { selector: 'aside#more', category: 'related', preview: 'More stories' },
    ] };
    await ext.worker.evaluate((k) => chrome.storage.local.set({ keep: k }), keep);
    const kept = options.locator('#kept li[data-host="news.example"] li[data-selector]');
    await options.waitForFunction(() => document.querySelectorAll('#kept li[data-selector]').length === 2, null, { timeout: 5000 });
    await options.locator('#kept li[data-selector="body > div.newsletter-box"] button').click();
    await saved('deleting an exception');
    const keptRows = () => kept.evaluateAll((rows) => rows.map((r) => r.dataset.selector));
    assert.deepEqual(await settled(keptRows, (x) => x.length === 1), ['aside#more'], 'the deleted exception\'s row is gone, the other stays');
    assert.deepEqual((await stored('keep'))['news.example'].map((e) => e.selector), ['aside#more']);
    await options.locator('#kept li[data-selector="aside#more"] button').click();
    await saved('deleting the last exception');
    assert.equal(await settled(() => options.locator('#kept li[data-host]').count(), (n) => n === 0), 0, 'no site is listed with exceptions');
    assert.equal(await options.locator('#kept').innerText(), 'None yet.');
    assert.deepEqual(await stored('keep'), {});
    await options.close();
  } finally {
    await ext.context.close();
  }
});

/** Chromium's own services (update checks, sign-in, autofill): the browser's traffic, not ours. */
const CHROMIUM_SERVICES = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)(:\d+)?$/;

test('the extension made no network request of its own', (t) => {
  const names = ['seed', ...CORPUS_PAGES];
  const hostOf = ({ method, url }) => (method === 'CONNECT' ? url : new URL(url).host);
  const browsers = server.proxied.filter((r) => CHROMIUM_SERVICES.test(hostOf(r)));
  t.diagnostic(`${browsers.length} requests of Chromium's own services were refused by the test proxy: ${[...new Set(browsers.map(hostOf))].join(', ')}`);
  const foreign = server.foreignRequests(names).filter((r) => !CHROMIUM_SERVICES.test(hostOf(r)));
  assert.deepEqual(foreign, [], `requests to other hosts that no test page names: ${JSON.stringify(foreign)}`);
  const sources = names.map((n) => server.source(n)).join('\n');
  const unexpected = requests.filter(({ url }) => {
    if (url.startsWith(server.origin) || url.startsWith('chrome-extension://') || url.startsWith('data:') || url === 'about:blank') return false;
    // The browser's own pages (chrome://extensions/shortcuts, opened from the popup) load from
    // inside the browser, not the network.
    if (url.startsWith('chrome://')) return false;
    const u = new URL(url);
    return !sources.includes(u.host + u.pathname) && !sources.includes(u.pathname);
  });
  assert.deepEqual(unexpected, [], 'requests that are neither the test pages, their own resources, nor extension files');
  const ours = requests.filter((r) => r.url.startsWith('chrome-extension://'));
  const paths = new Set(ours.map((r) => new URL(r.url).pathname));
  for (const p of paths) assert.ok(existsSync(join(DIST, p)), `an extension request for a file it does not have: ${p}`);
});
