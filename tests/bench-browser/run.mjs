// Drives the in-browser benchmark (bench.html + bench.js) in Debian's headless Chromium
// (playwright-core) and headless firefox-esr (geckodriver): serves the page, the wasm module,
// Readability.js and the corpus pages from 127.0.0.1, runs every page of
// ../shared/corpus/readability (or the first N), and writes the medians per page and overall,
// and the ratios PlainPage / Readability.js, as JSON and markdown.
//
//   node tests/bench-browser/run.mjs [--pages N] [--runs R] [--browsers chromium,firefox]
//                                     [--out artifacts/bench-browser]
//
// Used by `./build.sh bench-browser [PAGES]`, and on two pages by `./build.sh test` (a smoke run
// that only checks it starts and finishes).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../browsers/server.mjs';
import { launchChromium } from '../browsers/chromium.mjs';
import { Firefox, proxyPrefs } from '../browsers/firefox.mjs';
import { ROOT, PKG } from '../browsers/engine.mjs';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '0' },
    runs: { type: 'string', default: '5' },
    browsers: { type: 'string', default: 'chromium,firefox' },
    out: { type: 'string', default: join(ROOT, 'artifacts', 'bench-browser') },
  },
});
const SHARED = resolve(process.env.PLAINPAGE_SHARED || join(ROOT, '..', 'shared'));
const CORPUS = join(SHARED, 'corpus', 'readability');
const HERE = join(ROOT, 'tests', 'bench-browser');
const READABILITY = join(ROOT, 'node_modules', '@mozilla', 'readability');
const RUNS = Math.max(1, Number(args.runs));
const METHODS = ['clean', 'read', 'readability'];
const LABEL = {
  clean: 'PlainPage clean (outerHTML + analyze + applier.js applyVerdict)',
  read: 'PlainPage read (outerHTML + read)',
  readability: 'Readability.js (cloneNode + parse)',
};

function fail(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(1);
}

if (!existsSync(CORPUS)) fail(`the corpus is missing: ${CORPUS} (set PLAINPAGE_SHARED)`);
if (!existsSync(join(PKG, 'plainpage_bg.wasm'))) fail('www/pkg is not built: run ./build.sh first');
if (!existsSync(join(READABILITY, 'Readability.js'))) fail('@mozilla/readability is not installed: run npm ci');

let pages = readdirSync(CORPUS)
  .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
  .sort();
if (Number(args.pages) > 0) pages = pages.slice(0, Number(args.pages));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
/** Cross-origin isolation (COOP + COEP) gives both browsers their fine-grained timers. */
const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};
/** A corpus page runs no script and fetches nothing (its own images and styles included). */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

async function file(res, path) {
  const body = await readFile(path);
  res.writeHead(200, { ...ISOLATED, 'content-type': TYPES[extname(path)] || 'application/octet-stream' }).end(body);
}

function inside(dir, path) {
  const full = normalize(join(dir, path));
  return full.startsWith(dir + sep) ? full : null;
}

const server = await startServer(async (req, res, entry) => {
  const path = decodeURIComponent(entry.path);
  if (path === '/' || path === '/bench.html') return file(res, join(HERE, 'bench.html'));
  if (path === '/bench.js') return file(res, join(HERE, 'bench.js'));
  if (path === '/readability/Readability.js') return file(res, join(READABILITY, 'Readability.js'));
  // The extension's applier, the one the content script runs (not a copy).
  if (path === '/applier.js') return file(res, join(ROOT, 'extension', 'applier.js'));
  if (path.startsWith('/pkg/') && inside(PKG, path.slice(5))) return file(res, inside(PKG, path.slice(5)));
  const corpus = path.match(/^\/corpus\/([^/]+)\/$/);
  if (corpus && pages.includes(corpus[1])) {
    const body = await readFile(join(CORPUS, corpus[1], 'source.html'));
    res.writeHead(200, { ...ISOLATED, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_POLICY }).end(body);
    return;
  }
  res.writeHead(404, ISOLATED).end('not found');
});

// ---- browsers -----------------------------------------------------------------------------------

async function inChromium(run) {
  const browser = await launchChromium({ proxyPort: server.port });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/bench.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 }).catch(() => {
      throw new Error(`the benchmark page did not start: ${errors.join('; ')}`);
    });
    const info = await page.evaluate(() => window.benchInfo);
    return await run(info, `Chromium ${browser.version()}`, (name) => page.evaluate(([n, r]) => window.benchPage(n, r), [name, RUNS]));
  } finally {
    await browser.close();
  }
}

async function inFirefox(run) {
  const ff = await Firefox.launch({ prefs: proxyPrefs(server.port) });
  try {
    await ff.setTimeouts({ script: 300_000, pageLoad: 60_000 });
    await ff.navigate(`${server.origin}/bench.html`);
    const info = await ff.executeAsync(`const done = arguments[arguments.length - 1];
      const wait = () => document.body.dataset.ready === 'true' ? done(window.benchInfo) : setTimeout(wait, 50);
      wait();`);
    return await run(info, `Firefox ${ff.version}`, (name) =>
      ff.executeAsync(`const done = arguments[arguments.length - 1];
        window.benchPage(arguments[0], arguments[1]).then(done, (e) => done({ name: arguments[0], fatal: String(e && e.message || e) }));`, [name, RUNS]));
  } finally {
    await ff.quit();
  }
}

// ---- statistics and reports -------------------------------------------------------------------

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const fmt = (ms) => (ms === null || ms === undefined ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
const fmtRatio = (r) => (r === null ? '–' : r < 0.1 ? r.toFixed(3) : r.toFixed(2));

function summarize(results) {
  const perPage = results.map((r) => {
    const row = { name: r.name, bytes: r.bytes, errors: r.errors ?? [], unchanged: r.unchanged };
    for (const m of METHODS) row[m] = median((r.samples?.[m] ?? []).map((s) => s.ms));
    row.cleanParts = {
      serialize: median((r.samples?.clean ?? []).map((s) => s.serialize)),
      analyze: median((r.samples?.clean ?? []).map((s) => s.analyze)),
      apply: median((r.samples?.clean ?? []).map((s) => s.apply)),
    };
    row.readParts = { read: median((r.samples?.read ?? []).map((s) => s.read)) };
    row.readabilityParts = {
      clone: median((r.samples?.readability ?? []).map((s) => s.clone)),
      parse: median((r.samples?.readability ?? []).map((s) => s.parse)),
    };
    row.removed = r.samples?.clean?.[0]?.removed ?? null;
    row.readChars = r.samples?.read?.[0]?.chars ?? null;
    row.readabilityChars = r.samples?.readability?.[0]?.chars ?? null;
    return row;
  });
  const complete = perPage.filter((p) => METHODS.every((m) => p[m] !== null));
  const overall = {};
  for (const m of METHODS) {
    overall[m] = { median: median(complete.map((p) => p[m])), total: sum(complete.map((p) => p[m])) };
  }
  overall.cleanParts = {
    serialize: median(complete.map((p) => p.cleanParts.serialize)),
    analyze: median(complete.map((p) => p.cleanParts.analyze)),
    apply: median(complete.map((p) => p.cleanParts.apply)),
  };
  overall.ratios = {
    cleanOverReadability: {
      ofMedians: ratio(overall.clean.median, overall.readability.median),
      medianPerPage: median(complete.map((p) => p.clean / p.readability)),
      ofTotals: ratio(overall.clean.total, overall.readability.total),
    },
    readOverReadability: {
      ofMedians: ratio(overall.read.median, overall.readability.median),
      medianPerPage: median(complete.map((p) => p.read / p.readability)),
      ofTotals: ratio(overall.read.total, overall.readability.total),
    },
  };
  overall.pages = complete.length;
  return { perPage, overall };
}

function markdown(report) {
  const lines = [];
  lines.push('# In-browser benchmark: PlainPage wasm against Readability.js\n');
  lines.push(`Corpus: \`../shared/corpus/readability\`, ${report.pages} pages; ${report.runs} timed runs per page and method after one untimed warm-up, interleaved (clean, read, Readability.js, order rotated every run), all in one tab per browser. `
    + `Each page is loaded in a same-origin frame that runs no script and fetches nothing. Times are milliseconds (median of the runs per page; "overall" is the median of the per-page medians, "total" their sum).\n`);
  lines.push(`- **clean**: ${LABEL.clean} (restore between runs, untimed)`);
  lines.push(`- **read**: ${LABEL.read}`);
  lines.push(`- **Readability.js**: ${LABEL.readability}, @mozilla/readability ${report.readabilityVersion}\n`);
  lines.push(`Machine: ${report.machine}. PlainPage ${report.plainpage}.\n`);
  lines.push('## Overall\n');
  lines.push('| browser | pages | clean median | read median | Readability.js median | read / Readability.js | clean / Readability.js | clean: serialize + analyze + apply (medians) | totals clean / read / Readability.js (s) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const b of report.browsers) {
    const o = b.overall;
    lines.push(`| ${b.browser}${b.isolated ? '' : ' (coarse timer)'} | ${o.pages} | ${fmt(o.clean.median)} | ${fmt(o.read.median)} | ${fmt(o.readability.median)} | `
      + `${fmtRatio(o.ratios.readOverReadability.ofMedians)} (per page ${fmtRatio(o.ratios.readOverReadability.medianPerPage)}) | `
      + `${fmtRatio(o.ratios.cleanOverReadability.ofMedians)} (per page ${fmtRatio(o.ratios.cleanOverReadability.medianPerPage)}) | `
      + `${fmt(o.cleanParts.serialize)} + ${fmt(o.cleanParts.analyze)} + ${fmt(o.cleanParts.apply)} | `
      + `${(o.clean.total / 1000).toFixed(2)} / ${(o.read.total / 1000).toFixed(2)} / ${(o.readability.total / 1000).toFixed(2)} |`);
  }
  lines.push('\nGoals (issue 7): read ≤ 1/5 of Readability.js\'s median time; clean adds ≤ 10 ms median per page.\n');
  for (const b of report.browsers) {
    lines.push(`## Per page: ${b.browser}\n`);
    lines.push('| page | KB | clean | read | Readability.js | read / R. | clean / R. | removed | notes |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const p of b.perPage) {
      const notes = [...p.errors, p.unchanged === false ? 'restore left the page changed' : ''].filter(Boolean).join('; ');
      lines.push(`| ${p.name} | ${Math.round(p.bytes / 1024)} | ${fmt(p.clean)} | ${fmt(p.read)} | ${fmt(p.readability)} | ${fmtRatio(ratio(p.read, p.readability))} | ${fmtRatio(ratio(p.clean, p.readability))} | ${p.removed ?? '–'} | ${notes.replaceAll('|', '\\|')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

// ---- main -------------------------------------------------------------------------------------

const wanted = args.browsers.split(',').map((b) => b.trim()).filter(Boolean);
const drivers = { chromium: inChromium, firefox: inFirefox };
const report = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${process.platform}`,
  pages: pages.length,
  runs: RUNS,
  readabilityVersion: JSON.parse(readFileSync(join(READABILITY, 'package.json'), 'utf8')).version,
  plainpage: null,
  browsers: [],
};
let failed = false;
try {
  for (const name of wanted) {
    const drive = drivers[name];
    if (!drive) fail(`unknown browser ${name} (chromium, firefox)`);
    const started = Date.now();
    await drive(async (info, label, benchPage) => {
      report.plainpage = info.version;
      console.log(`${label}: module compiled in ${info.initMs.toFixed(1)} ms, cross-origin isolated: ${info.crossOriginIsolated}`);
      const results = [];
      for (const [i, page] of pages.entries()) {
        const r = await benchPage(page);
        if (r.fatal) {
          failed = true;
          console.log(`  ${page}: ${r.fatal}`);
          continue;
        }
        results.push(r);
        const med = (m) => fmt(median(r.samples[m].map((s) => s.ms)));
        console.log(`  [${i + 1}/${pages.length}] ${page}: clean ${med('clean')} ms, read ${med('read')} ms, Readability.js ${med('readability')} ms${r.errors.length ? ` (${r.errors.join('; ')})` : ''}`);
      }
      const { perPage, overall } = summarize(results);
      report.browsers.push({ browser: label, isolated: info.crossOriginIsolated, userAgent: info.userAgent, initMs: info.initMs, perPage, overall, seconds: (Date.now() - started) / 1000 });
    });
  }
} finally {
  await server.close();
}
const leaked = server.log.filter((e) => e.foreign && e.method !== 'CONNECT');
const out = resolve(args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 1)}\n`);
writeFileSync(`${out}.md`, markdown(report));
console.log(`\nwrote ${out}.md and ${out}.json`);
for (const b of report.browsers) {
  const o = b.overall;
  console.log(`${b.browser}: ${o.pages} pages; medians clean ${fmt(o.clean.median)} ms, read ${fmt(o.read.median)} ms, Readability.js ${fmt(o.readability.median)} ms; `
    + `read/Readability.js ${fmtRatio(o.ratios.readOverReadability.ofMedians)}, clean/Readability.js ${fmtRatio(o.ratios.cleanOverReadability.ofMedians)} (${b.seconds.toFixed(0)} s)`);
}
if (leaked.length) console.log(`requests the browsers made on their own for other hosts (refused by the proxy; the pages cannot make any): ${[...new Set(leaked.map((e) => e.host))].join(', ')}`);
if (failed || report.browsers.length !== wanted.length) fail('some pages or browsers did not finish');
