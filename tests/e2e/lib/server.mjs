// The e2e tests' web server on 127.0.0.1 (a random port). It serves the seed page and corpus
// pages (read from ../shared at test time, never copied), and the labelled pages of
// tests/data/clean (as `clean/NAME`), with a strict Content-Security-Policy,
// so the page itself can fetch nothing from elsewhere and the extension must work despite it.
// Any page can be served with a hostile style sheet of its own linked (`?hostile=1`, lib/hostile.css).
// The same port is the browsers' HTTP proxy for every other host: any request to the outside
// world ends here, is recorded, and is refused, so a test run never leaves the machine and the
// tests can tell whether anything tried.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small labelled pages in the repository: `clean/NAME` is NAME.html (its labels: NAME.labels). */
export const CLEAN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'clean');

/** Same-origin only: no inline script, no inline style, no frames of the page's own. */
export const PAGE_CSP = "default-src 'self'; img-src 'self' data:; frame-src 'none'; object-src 'none'";

/**
 * Added to a page with `?inject=1`: two seconds after load, a subscription gate arrives and
 * locks scrolling, as paywall scripts do (built through the DOM and CSSOM, which the page's CSP
 * allows).
 */
const INJECT_JS = `
window.addEventListener('load', () => {
  setTimeout(() => {
    const gate = document.createElement('div');
    gate.id = 'late-gate';
    gate.className = 'paywall-modal subscribe-overlay';
    gate.innerHTML = '<h2>Subscribe to keep reading</h2>' +
      '<p>You have reached your limit of free articles. Sign up now for unlimited access.</p>' +
      '<button type="button">Subscribe now</button> <a href="/signin">Already a member? Sign in</a>';
    Object.assign(gate.style, { position: 'fixed', left: '0', right: '0', bottom: '0', height: '40vh',
      background: '#fff', zIndex: '99999', borderTop: '4px solid #c00', padding: '2em' });
    document.body.appendChild(gate);
    document.documentElement.style.overflow = 'hidden';
    document.body.style.overflow = 'hidden';
    window.lateGateAt = performance.now();
    // How long the gate stayed visible, in milliseconds and animation frames.
    let frames = 0;
    const countFrames = () => { frames += 1; if (!window.lateGateHiddenAt) requestAnimationFrame(countFrames); };
    requestAnimationFrame(countFrames);
    new MutationObserver((records, observer) => {
      if (gate.hasAttribute('data-plainpage-removed')) {
        window.lateGateHiddenAt = performance.now();
        window.lateGateFrames = frames;
        observer.disconnect();
      }
    }).observe(gate, { attributes: true });
  }, 2000);
});
`;

/**
 * Linked into a page with `?hostile=1`: a style sheet at war with what an extension adds to the
 * page (lib/hostile.css; served from the page's origin, which its CSP allows).
 */
export const HOSTILE_CSS = resolve(dirname(fileURLToPath(import.meta.url)), 'hostile.css');
const HOSTILE_LINK = '<link rel="stylesheet" href="/hostile.css">';

export class TestServer {
  constructor(shared) {
    this.shared = shared;
    /** Requests for this server's own pages: { path }. */
    this.served = [];
    /** Requests that tried to leave the machine through the proxy: { method, url }. */
    this.proxied = [];
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connect', (req, socket) => {
      this.proxied.push({ method: 'CONNECT', url: req.url });
      // The browser may reset a refused tunnel before our answer is written: that is
      // the refusal working, not a test failure, so a socket error here is expected.
      socket.on('error', () => {});
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    // The same for any connection the browser drops half-way (clientError would
    // otherwise surface as an uncaught ECONNRESET after the test that caused it).
    this.server.on('clientError', (error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      else socket.destroy();
    });
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    this.origin = `http://127.0.0.1:${this.port}`;
    return this;
  }

  stop() {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(resolve));
  }

  /** The page's source as served (before the inject script tag). */
  source(name) {
    const file = name === 'seed' ? join(this.shared, 'seed', 'inkl-article.html')
      : name.startsWith('clean/') ? join(CLEAN_DIR, `${name.slice('clean/'.length)}.html`)
      : join(this.shared, 'corpus', 'readability', name, 'source.html');
    if (!existsSync(file)) throw new Error(`test page missing: ${file}`);
    return readFileSync(file, 'utf8');
  }

  url(name, { inject = false, hostile = false } = {}) {
    const query = [inject && 'inject=1', hostile && 'hostile=1'].filter(Boolean).join('&');
    return `${this.origin}/page/${name}${query ? `?${query}` : ''}`;
  }

  /** The page's HTML as served with `?hostile=1`: its source with the hostile style sheet linked. */
  hostileSource(name) {
    const html = this.source(name);
    return html.includes('</head>') ? html.replace('</head>', `${HOSTILE_LINK}</head>`) : `${HOSTILE_LINK}${html}`;
  }

  handle(req, res) {
    if (!req.url.startsWith('/')) {
      // Proxy form (absolute URL): a request for another host.
      this.proxied.push({ method: req.method, url: req.url });
      res.writeHead(403, { 'content-type': 'text/plain' }).end('the e2e tests allow no outside requests');
      return;
    }
    const url = new URL(req.url, this.origin);
    this.served.push({ path: url.pathname + url.search });
    const page = url.pathname.match(/^\/page\/((?:clean\/)?[\w.-]+)$/);
    if (page) {
      let html;
      try {
        html = this.source(page[1]);
      } catch (error) {
        res.writeHead(404).end(String(error.message));
        return;
      }
      if (url.searchParams.get('hostile') === '1') html = this.hostileSource(page[1]);
      if (url.searchParams.get('inject') === '1') {
        html = html.includes('</body>') ? html.replace('</body>', '<script src="/inject.js"></script></body>') : `${html}<script src="/inject.js"></script>`;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    if (url.pathname === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(HOSTILE_CSS, 'utf8'));
      return;
    }
    if (url.pathname === '/inject.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(INJECT_JS);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  /**
   * Outside requests that are not the page's own resources (an image or script the page's HTML
   * names, which reader view may show): anything else came from the extension or the browser.
   */
  foreignRequests(pageNames) {
    const sources = pageNames.map((n) => this.source(n)).join('\n');
    return this.proxied.filter(({ method, url }) => {
      if (method === 'CONNECT') {
        const host = url.replace(/:\d+$/, '');
        return !sources.includes(host);
      }
      try {
        const u = new URL(url);
        return !sources.includes(u.host + u.pathname) && !sources.includes(u.pathname);
      } catch {
        return true;
      }
    });
  }
}
