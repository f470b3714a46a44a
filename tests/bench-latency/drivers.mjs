// The built extension in Debian's Chromium (playwright-core, a copy of dist/chrome with
// 127.0.0.1 in host_permissions, as the e2e suite's "granted" profile) and in firefox-esr
// (geckodriver, a temporary add-on: a copy of dist/firefox with the same host permission),
// automatic cleaning switched on for 127.0.0.1 through the settings. Each driver loads a page,
// waits for the status the content script reports, toggles reader view the way the keyboard
// shortcut does (the background sends `cs:toggle-reader`), and runs a few baseline measurements
// in the page itself. Used by run.mjs; pages come from the e2e tests' 127.0.0.1 server.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { FLAGS, CHROMIUM } from '../browsers/chromium.mjs';
import { GeckoDriver, findFirefox } from '../e2e/lib/webdriver.mjs';
import { cleanSplit, readerSplit } from '../e2e/lib/latency.mjs';
import { ROOT } from '../e2e/lib/pages.mjs';

const UUID = '5b0f2a8e-7d3c-4e1a-9f6b-2c8d4a1e7f30';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A copy of dist/<browser> whose manifest also grants 127.0.0.1 (stands for the user's grant). */
function grantedCopy(browser, temp) {
  const dist = join(ROOT, 'dist', browser);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run ./build.sh first`);
  const dir = join(temp, `${browser}-granted`);
  cpSync(dist, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['*://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function poll(read, accept, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read().catch((e) => ({ pollError: String(e.message ?? e) }));
    if (accept(last)) return last;
    if (last?.error) throw new Error(`${what}: the content script reports "${last.error}"`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await sleep(25);
  }
}

/**
 * In the page itself (its main world), with nothing of ours running: a frame produced with no
 * change (requestAnimationFrame, then a task: the same wait the extension's "painted" marks
 * take), the page serialized (outerHTML), and its HTML sent around a MessageChannel inside the
 * page (a structured clone each way, in one process). Milliseconds.
 */
const BASELINES = `async () => {
  const idle = await new Promise((done) => { const t0 = performance.now(); requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0)); });
  const t0 = performance.now();
  const html = document.documentElement.outerHTML;
  const serialize = performance.now() - t0;
  const channel = new MessageChannel();
  const roundTrip = await new Promise((done) => {
    const t1 = performance.now();
    channel.port2.onmessage = (e) => channel.port2.postMessage(e.data);
    channel.port1.onmessage = (e) => done(performance.now() - t1 + (e.data.length === html.length ? 0 : NaN));
    channel.port1.postMessage(html);
  });
  channel.port1.close();
  channel.port2.close();
  return { idle, serialize, roundTrip, bytes: html.length };
}`;

export class ChromiumDriver {
  static async launch(server) {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: ./build.sh test installs Debian's chromium`);
    const temp = mkdtempSync(join(tmpdir(), 'plainpage-latency-chromium-'));
    const dir = grantedCopy('chrome', temp);
    const context = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [...FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, `--proxy-server=http://127.0.0.1:${server.port}`],
    });
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const driver = new ChromiumDriver(context, worker, temp, server);
    driver.version = `Chromium ${context.browser()?.version() ?? ''}`.trim();
    await worker.evaluate(() => chrome.storage.local.set({ sites: { '127.0.0.1': true } }));
    await poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length), (n) => n > 0, 'the cleaner to be registered');
    driver.page = await context.newPage();
    return driver;
  }

  constructor(context, worker, temp, server) {
    Object.assign(this, { context, worker, temp, server, tabId: null });
  }

  status() {
    return this.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:status' }), this.tabId);
  }

  async load(name) {
    const url = this.server.url(name);
    await this.page.goto(url);
    this.tabId ??= await this.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
    return poll(() => this.status(), (s) => cleanSplit(s) !== null, `${name} to be cleaned and painted`);
  }

  async toggleReader(name) {
    const toggle = () => this.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'cs:toggle-reader' }), this.tabId);
    await toggle();
    const s = await poll(() => this.status(), (x) => readerSplit(x) !== null, `${name}: reader view painted`);
    await toggle();
    await poll(() => this.status(), (x) => x.readerOpen === false, `${name}: reader view closed`);
    return s;
  }

  baselines() {
    return this.page.evaluate(`(${BASELINES})()`);
  }

  async close() {
    await this.context.close().catch(() => {});
    rmSync(this.temp, { recursive: true, force: true });
  }
}

export class FirefoxDriver {
  static async launch(server) {
    findFirefox();
    const temp = mkdtempSync(join(tmpdir(), 'plainpage-latency-firefox-'));
    const dir = grantedCopy('firefox', temp);
    const gecko = await GeckoDriver.start();
    const s = await gecko.newSession({
      binary: findFirefox(),
      args: ['-headless'],
      prefs: {
        'extensions.webextensions.uuids': JSON.stringify({ 'plainpage@plainpage': UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': server.port,
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
    const driver = new FirefoxDriver(gecko, s, temp, server);
    await s.setWindowRect(1200, 1000);
    await s.installAddon(dir);
    driver.pageHandle = await s.handle();
    await driver.openExtensionWindow();
    driver.version = `Firefox ${s.capabilities.browserVersion ?? ''}`.trim();
    // The granted copy's host permission: Firefox grants an MV3 add-on's host_permissions at install.
    const granted = await driver.inExtension(`return browser.permissions.contains({ origins: ['*://127.0.0.1/*'] });`);
    if (!granted) throw new Error('Firefox did not grant the copy its host permission for 127.0.0.1');
    await driver.inExtension(`await browser.storage.local.set({ sites: { '127.0.0.1': true } });`);
    await poll(() => driver.inExtension('return (await browser.scripting.getRegisteredContentScripts()).length;'), (n) => n > 0, 'the cleaner to be registered');
    return driver;
  }

  constructor(gecko, s, temp, server) {
    Object.assign(this, { gecko, s, temp, server, tabId: null, extHandle: null });
  }

  /**
   * An extension page in a window of its own, from which the status is asked: a tab beside the
   * page would take the page's place as the selected tab, and a page in a tab not shown gets no
   * animation frames, so its paints would wait for the test.
   */
  async openExtensionWindow() {
    const { s } = this;
    const { handle } = await s.cmd('POST', '/window/new', { type: 'window' });
    await s.switchTo(handle);
    const before = await s.cmd('GET', '/window/handles');
    await s.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await s.execute(
        `const win = Services.wm.getMostRecentWindow('navigator:browser');
         win.gBrowser.selectedTab = win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
        [`moz-extension://${UUID}/options.html`],
      );
    } finally {
      await s.cmd('POST', '/moz/context', { context: 'content' });
    }
    this.extHandle = await poll(async () => (await s.cmd('GET', '/window/handles')).find((h) => !before.includes(h)), Boolean, 'the extension tab');
    await s.switchTo(this.extHandle);
    await poll(() => s.execute('return document.body?.dataset.ready === "true"'), Boolean, 'options.html to be ready');
  }

  async inExtension(body, args = []) {
    await this.s.switchTo(this.extHandle);
    const result = await this.s.executeAsync(
      `const done = arguments[arguments.length - 1];
       (async (...args) => { ${body} })(...Array.from(arguments).slice(0, -1)).then((v) => done({ ok: v }), (e) => done({ error: String(e) }));`,
      args,
    );
    if (result.error) throw new Error(result.error);
    return result.ok;
  }

  status() {
    return this.inExtension(`return browser.tabs.sendMessage(args[0], { type: 'cs:status' });`, [this.tabId]);
  }

  async load(name) {
    const url = this.server.url(name);
    await this.s.switchTo(this.pageHandle);
    await this.s.navigate(url);
    this.tabId ??= await this.inExtension(`return (await browser.tabs.query({})).find((t) => t.url === args[0])?.id ?? null;`, [url]);
    return poll(() => this.status(), (x) => cleanSplit(x) !== null, `${name} to be cleaned and painted`);
  }

  async toggleReader(name) {
    const toggle = () => this.inExtension(`return browser.tabs.sendMessage(args[0], { type: 'cs:toggle-reader' });`, [this.tabId]);
    await toggle();
    const st = await poll(() => this.status(), (x) => readerSplit(x) !== null, `${name}: reader view painted`);
    await toggle();
    await poll(() => this.status(), (x) => x.readerOpen === false, `${name}: reader view closed`);
    return st;
  }

  async baselines() {
    await this.s.switchTo(this.pageHandle);
    return this.s.executeAsync(`const done = arguments[arguments.length - 1]; (${BASELINES})().then(done, (e) => done({ error: String(e) }));`);
  }

  async close() {
    await this.s.delete().catch(() => {});
    await this.gecko.stop();
    rmSync(this.temp, { recursive: true, force: true });
  }
}
