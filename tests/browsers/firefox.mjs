// Headless firefox-esr through geckodriver's W3C WebDriver HTTP API (fetch only, no
// dependencies): the XSS proof and the in-browser benchmark drive Firefox with it. Playwright's
// own Firefox is a patched build that would have to be downloaded, so it is not used.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => done(port));
    });
  });
}

function find(what, candidates, hint) {
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(`${what} is not installed (looked in ${candidates.filter(Boolean).join(', ')}): ${hint}`);
  return found;
}

export const geckodriverPath = () =>
  find('geckodriver', [process.env.GECKODRIVER, join(homedir(), '.cargo', 'bin', 'geckodriver'), '/usr/local/bin/geckodriver'],
    './build.sh test installs it with cargo');
export const firefoxPath = () =>
  find('Firefox', [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'], "./build.sh test installs Debian's firefox-esr");

/** The quiet preferences of webdriver.json (no updates, telemetry or safe-browsing requests). */
function quietPrefs() {
  const config = JSON.parse(readFileSync(join(ROOT, 'webdriver.json'), 'utf8'));
  return config['moz:firefoxOptions']?.prefs ?? {};
}

/** Preferences that send every request for another host through an HTTP proxy on 127.0.0.1
 *  (requests for 127.0.0.1 itself go direct), so a test server can log them. */
export function proxyPrefs(port) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disableIPv6': true,
  };
}

export class Firefox {
  /** Starts geckodriver and a headless Firefox session with these extra preferences. */
  static async launch({ prefs = {}, capabilities = {} } = {}) {
    const port = await freePort();
    const child = spawn(geckodriverPath(), ['--host', '127.0.0.1', '--port', String(port), '--log', 'fatal'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/status`)).ok) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || i > 100) {
        child.kill();
        throw new Error(`geckodriver did not start: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const ff = new Firefox(base, child);
    const session = await ff.raw('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: firefoxPath(),
            args: ['-headless'],
            prefs: { ...quietPrefs(), ...prefs },
          },
          ...capabilities,
        },
      },
    });
    ff.id = session.sessionId;
    ff.version = session.capabilities.browserVersion;
    return ff;
  }

  constructor(base, child) {
    this.base = base;
    this.child = child;
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
      const error = new Error(`WebDriver ${method} ${path}: ${v.error}: ${v.message}`);
      error.webdriver = v.error;
      error.data = v.data;
      throw error;
    }
    return json.value;
  }

  cmd(method, path, body) {
    return this.raw(method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  url() {
    return this.cmd('GET', '/url');
  }

  /** Runs a function body in the page (`arguments` holds args) and returns its value. */
  execute(body, args = []) {
    return this.cmd('POST', '/execute/sync', { script: body, args });
  }

  /** Like execute, but the body calls its last argument with the result. */
  executeAsync(body, args = []) {
    return this.cmd('POST', '/execute/async', { script: body, args });
  }

  setTimeouts(timeouts) {
    return this.cmd('POST', '/timeouts', timeouts);
  }

  /** The text of an open alert, confirm or prompt (dismissing it), or null when none is open. */
  async takeDialog() {
    try {
      const text = await this.cmd('GET', '/alert/text');
      await this.cmd('POST', '/alert/dismiss', {}).catch(() => {});
      return text;
    } catch (error) {
      if (error.webdriver === 'no such alert') return null;
      throw error;
    }
  }

  async windowHandles() {
    return this.cmd('GET', '/window/handles');
  }

  async closeOtherWindows(keep) {
    for (const handle of await this.windowHandles()) {
      if (handle === keep) continue;
      await this.cmd('POST', '/window', { handle });
      await this.cmd('DELETE', '/window');
    }
    await this.cmd('POST', '/window', { handle: keep });
  }

  async quit() {
    try {
      if (this.id) await this.raw('DELETE', `/session/${this.id}`);
    } finally {
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}
