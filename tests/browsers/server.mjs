// A test server on 127.0.0.1 that records every request it gets, and doubles as the browsers'
// HTTP proxy: a browser pointed at it (Chromium --proxy-server, Firefox's network.proxy prefs)
// sends every request for another host here, where it is recorded as `foreign` and refused, so
// nothing leaves the machine and nothing goes unseen.
import { createServer } from 'node:http';

/**
 * Starts the server. `handler(req, res, entry)` answers requests for the server itself; entries
 * of the log are `{ method, url, path, host, foreign, dest, time }`.
 */
export function startServer(handler) {
  const log = [];
  const server = createServer(async (req, res) => {
    const foreign = /^[a-z]+:\/\//i.test(req.url) && !req.url.startsWith(`http://${req.headers.host}/`);
    const url = new URL(req.url, `http://${req.headers.host || '127.0.0.1'}`);
    const entry = {
      method: req.method,
      url: url.href,
      path: url.pathname,
      search: url.search,
      host: url.host,
      foreign: foreign || !/^127\.0\.0\.1(:\d+)?$/.test(url.host),
      dest: req.headers['sec-fetch-dest'] || '',
      time: Date.now(),
    };
    log.push(entry);
    if (entry.foreign) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    try {
      await handler(req, res, entry);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error?.stack || error));
    }
  });
  // HTTPS and WebSocket requests through the proxy arrive as CONNECT: record and refuse.
  server.on('connect', (req, socket) => {
    log.push({ method: 'CONNECT', url: `https://${req.url}/`, path: '', host: req.url, foreign: true, dest: '', time: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.keepAliveTimeout = 1000;
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        server,
        log,
        port,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((closed) => {
          server.closeAllConnections?.();
          server.close(() => closed());
        }),
      });
    });
  });
}

/** Reads a request body as text. */
export function body(req) {
  return new Promise((done) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => done(data));
  });
}
