// A small W3C WebDriver client over geckodriver's HTTP API (fetch only, no dependencies): start
// geckodriver on a free 127.0.0.1 port, open a session, install an add-on temporarily
// (`POST /session/{id}/moz/addon/install`), navigate, run scripts, click, type, screenshot.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function findGeckodriver() {
  const candidates = [process.env.GECKODRIVER, join(homedir(), '.cargo', 'bin', 'geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(`geckodriver is not installed (looked in ${candidates.filter(Boolean).join(', ')}): ./build.sh test installs it with cargo`);
  return found;
}

export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(`Firefox is not installed (looked in ${candidates.filter(Boolean).join(', ')}): ./build.sh test installs Debian's firefox-esr`);
  return found;
}

export class GeckoDriver {
  static async start() {
    const port = await freePort();
    const child = spawn(findGeckodriver(), ['--host', '127.0.0.1', '--port', String(port), '--log', 'error', '--allow-system-access'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const driver = new GeckoDriver(`http://127.0.0.1:${port}`, child, () => stderr);
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`${driver.base}/status`);
        if (res.ok) return driver;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    throw new Error(`geckodriver did not start: ${stderr}`);
  }

  constructor(base, child, stderr) {
    this.base = base;
    this.child = child;
    this.stderr = stderr;
  }

  async stop() {
    if (this.child.exitCode === null) this.child.kill();
  }

  async newSession(firefoxOptions) {
    const res = await this.raw('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'firefox', acceptInsecureCerts: false, 'moz:firefoxOptions': firefoxOptions } },
    });
    return new Session(this, res.sessionId, res.capabilities);
  }

  async raw(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok || json.value?.error) {
      const v = json.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error}: ${v.message}`);
    }
    return json.value;
  }
}

export class Session {
  constructor(driver, id, capabilities = {}) {
    this.driver = driver;
    this.id = id;
    this.capabilities = capabilities;
  }

  cmd(method, path, body) {
    return this.driver.raw(method, `/session/${this.id}${path}`, body);
  }

  delete() {
    return this.driver.raw('DELETE', `/session/${this.id}`);
  }

  /** Installs an add-on (a folder or an .xpi) for this session only; returns its id. */
  installAddon(path) {
    return this.cmd('POST', '/moz/addon/install', { path, temporary: true });
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Runs an async function body in the page; `done` is the last argument (WebDriver's callback). */
  executeAsync(body, args = []) {
    return this.cmd('POST', '/execute/async', { script: body, args });
  }

  execute(body, args = []) {
    return this.cmd('POST', '/execute/sync', { script: body, args });
  }

  async find(css) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return el[ELEMENT];
  }

  click(elementId) {
    return this.cmd('POST', `/element/${elementId}/click`, {});
  }

  type(elementId, text) {
    return this.cmd('POST', `/element/${elementId}/value`, { text });
  }

  async newTab() {
    const { handle } = await this.cmd('POST', '/window/new', { type: 'tab' });
    return handle;
  }

  switchTo(handle) {
    return this.cmd('POST', '/window', { handle });
  }

  switchToFrame(elementId) {
    return this.cmd('POST', '/frame', { id: elementId === null ? null : { [ELEMENT]: elementId } });
  }

  switchToParent() {
    return this.cmd('POST', '/frame/parent', {});
  }

  handle() {
    return this.cmd('GET', '/window');
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  setWindowRect(width, height) {
    return this.cmd('POST', '/window/rect', { width, height });
  }
}
