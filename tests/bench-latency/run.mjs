// The waits a user feels, split into their parts (issue 13, "measure first"), over the
// Readability corpus in the built extension, in Chromium and Firefox:
//   document idle → cleaned (and painted): the registered content script serializes the page,
//     the background judges it in wasm, the verdict is applied, a frame is drawn;
//   toggle → reader view painted: the page serialized as it was, the reader frame created and
//     loaded, the HTML posted to it, the module instantiated there, read, laid out, drawn.
// Parts come from the timings the extension reports in its status (tests/e2e/lib/latency.mjs
// says how each is cut). For every page: ROUNDS loads, each cleaned and then read; each part's
// median over the rounds is the page's figure, and the table gives the median and the 90th
// percentile of those over the pages. Baselines, measured in the same page in the same run, in
// its own main world: an idle frame (for the paints), a bare outerHTML (for serializing) and a
// MessageChannel round trip of the same HTML inside the page (for the transfers).
//
//   node tests/bench-latency/run.mjs [--pages N] [--rounds R] [--browsers chromium,firefox]
//                                    [--out artifacts/bench-latency]
//
// `./build.sh bench-latency [PAGES]` runs it; `./build.sh test` smoke-runs it on two pages with
// one round, which fails only when a split is broken (a part missing or negative, the measured
// parts adding up to more than the whole wait), never on a time.
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TestServer } from '../e2e/lib/server.mjs';
import { ROOT, SHARED } from '../e2e/lib/pages.mjs';
import { CLEAN_PARTS, READER_PARTS, cleanSplit, quantile, readerSplit, splitProblems } from '../e2e/lib/latency.mjs';
import { ChromiumDriver, FirefoxDriver } from './drivers.mjs';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '3' },
    browsers: { type: 'string', default: 'chromium,firefox' },
    out: { type: 'string', default: join(ROOT, 'artifacts', 'bench-latency') },
  },
});
const CORPUS = join(SHARED, 'corpus', 'readability');
const ROUNDS = Math.max(1, Number(args.rounds));
/** Clock resolution allowed for below-zero differences: Firefox rounds performance.now() to 1 ms. */
const SLACK = { chromium: 0.2, firefox: 2 };

function fail(message) {
  console.error(`bench-latency: ${message}`);
  process.exit(1);
}

if (!existsSync(CORPUS)) fail(`the corpus is missing: ${CORPUS} (set PLAINPAGE_SHARED)`);
let pages = readdirSync(CORPUS).filter((n) => existsSync(join(CORPUS, n, 'source.html'))).sort();
if (Number(args.pages) > 0) pages = pages.slice(0, Number(args.pages));

const median = (xs) => quantile(xs, 0.5);
const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

/** The 1-minute load average, sampled every 10 s while the run lasts: { at, browser, load }. */
const load = [];
let current = null;
const sample = () => load.push({ at: Date.now(), browser: current, load: loadavg()[0] });
const sampler = setInterval(sample, 10_000);
sample();
const loadOf = (entries) => {
  const xs = entries.map((e) => e.load);
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs), samples: xs.length };
};

async function measure(Driver, key, server) {
  const driver = await Driver.launch(server);
  const started = Date.now();
  const perPage = [];
  const problems = [];
  try {
    // One untimed warm-up load, so the first corpus page does not pay for a cold cache alone.
    await driver.load(pages[0]);
    for (const [i, name] of pages.entries()) {
      const samples = { clean: [], reader: [], cleaned: [], baselines: [], detail: { clean: [], reader: [] } };
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const cleaned = cleanSplit(await driver.load(name));
          const reader = readerSplit(await driver.toggleReader(name));
          const base = await driver.baselines();
          for (const [which, split] of [['clean', cleaned], ['reader', reader]]) {
            for (const p of splitProblems(split, which, { slack: SLACK[key], positive: [] })) problems.push(`${name} (round ${round + 1}), ${which}: ${p}`);
          }
          samples.clean.push({ whole: cleaned.whole, ...cleaned.parts });
          samples.cleaned.push(cleaned.cleaned);
          samples.reader.push({ whole: reader.whole, ...reader.parts });
          samples.detail.clean.push(cleaned.detail);
          samples.detail.reader.push(reader.detail);
          samples.baselines.push(base);
        }
      } catch (error) {
        problems.push(`${name}: ${error.message}`);
        console.log(`  [${i + 1}/${pages.length}] ${name}: ${error.message}`);
        continue;
      }
      const med = (rows, k) => median(rows.map((r) => r[k]));
      const page = {
        name,
        bytes: samples.baselines[0]?.bytes ?? null,
        clean: Object.fromEntries(['whole', ...CLEAN_PARTS.map(([k]) => k)].map((k) => [k, med(samples.clean, k)])),
        cleaned: median(samples.cleaned),
        reader: Object.fromEntries(['whole', ...READER_PARTS.map(([k]) => k)].map((k) => [k, med(samples.reader, k)])),
        detail: {
          instantiate: med(samples.detail.reader, 'instantiate'),
          readerSettings: med(samples.detail.reader, 'settings'),
          readerThere: med(samples.detail.reader, 'there'),
          readerBack: med(samples.detail.reader, 'back'),
          cleanThere: med(samples.detail.clean, 'there'),
          cleanBack: med(samples.detail.clean, 'back'),
          backgroundInit: samples.detail.clean[0]?.initMs ?? null,
          cold: samples.detail.clean.some((d) => d.cold),
          retried: samples.detail.clean.some((d) => d.attempt > 0),
        },
        baselines: Object.fromEntries(['idle', 'serialize', 'roundTrip'].map((k) => [k, med(samples.baselines, k)])),
      };
      perPage.push(page);
      console.log(`  [${i + 1}/${pages.length}] ${name}: idle → cleaned painted ${fmt(page.clean.whole)} ms, toggle → reader painted ${fmt(page.reader.whole)} ms`);
    }
  } finally {
    await driver.close();
  }
  return { browser: driver.version, perPage, problems, seconds: (Date.now() - started) / 1000 };
}

/** Median and 90th percentile over pages of each part (per-page medians over rounds). */
function summarize(perPage) {
  const stat = (get) => {
    const xs = perPage.map(get).filter((x) => Number.isFinite(x));
    return { median: median(xs), p90: quantile(xs, 0.9), n: xs.length };
  };
  const out = { clean: {}, reader: {}, detail: {}, baselines: {} };
  for (const k of ['whole', ...CLEAN_PARTS.map(([x]) => x)]) out.clean[k] = stat((p) => p.clean[k]);
  out.cleaned = stat((p) => p.cleaned);
  for (const k of ['whole', ...READER_PARTS.map(([x]) => x)]) out.reader[k] = stat((p) => p.reader[k]);
  for (const k of Object.keys(perPage[0]?.detail ?? {})) if (typeof perPage[0].detail[k] === 'number') out.detail[k] = stat((p) => p.detail[k]);
  for (const k of ['idle', 'serialize', 'roundTrip']) out.baselines[k] = stat((p) => p.baselines[k]);
  out.pages = perPage.length;
  return out;
}

function markdown(report) {
  const L = [];
  L.push('# Latency: the waits a user feels, split into their parts\n');
  L.push(`Corpus \`../shared/corpus/readability\`, ${report.pages} pages, ${report.rounds} rounds each (load → cleaned → reader toggled → closed), one untimed warm-up load. `
    + 'Each figure: the page\'s median over its rounds, then the median and the 90th percentile (p90) over the pages, in milliseconds. '
    + 'Part medians do not add up to the median of the whole (each is a median of its own).\n');
  const loadText = (l) => `min ${l.min.toFixed(2)}, median ${l.median.toFixed(2)}, max ${l.max.toFixed(2)}`;
  L.push(`Machine: ${report.machine}. Load average (1 min, every 10 s) during the run: ${loadText(report.load)} (${report.load.samples} samples; `
    + `${report.browsers.map((x) => `${x.browser}: ${loadText(x.load)}`).join('; ')}). ${report.date}.\n`);
  const b = report.browsers;
  const head = `| part | ${b.map((x) => `${x.browser} median | p90`).join(' | ')} |`;
  const rule = `|---|${b.map(() => '---:|---:').join('|')}|`;
  const row = (label, get) => `| ${label} | ${b.map((x) => { const s = get(x.summary); return `${fmt(s?.median)} | ${fmt(s?.p90)}`; }).join(' | ')} |`;
  L.push('## document idle → cleaned, painted\n');
  L.push(head, rule);
  L.push(row('**whole: idle → painted**', (s) => s.clean.whole));
  L.push(row('idle → cleaned (verdict applied, before the paint)', (s) => s.cleaned));
  for (const [k, label] of CLEAN_PARTS) L.push(row(label, (s) => s.clean[k]));
  L.push(row('*baseline: an idle frame in the page (rAF + task)*', (s) => s.baselines.idle));
  L.push(row('*baseline: bare outerHTML in the page*', (s) => s.baselines.serialize));
  L.push(row('*baseline: the HTML around a MessageChannel in the page*', (s) => s.baselines.roundTrip));
  L.push(row('*cross-check: to the background, by time origins*', (s) => s.detail.cleanThere));
  L.push(row('*cross-check: verdict back, by time origins*', (s) => s.detail.cleanBack));
  L.push(row('*background module instantiation at its start (once)*', (s) => s.detail.backgroundInit));
  L.push('\n## toggle → reader view painted\n');
  L.push(head, rule);
  L.push(row('**whole: toggle → painted**', (s) => s.reader.whole));
  for (const [k, label] of READER_PARTS) L.push(row(label, (s) => s.reader[k]));
  L.push(row('*module load + instantiation in the frame (overlaps the load)*', (s) => s.detail.instantiate));
  L.push(row('*settings read in the frame (overlaps the wait)*', (s) => s.detail.readerSettings));
  L.push(row('*baseline: an idle frame in the page (rAF + task)*', (s) => s.baselines.idle));
  L.push(row('*baseline: bare outerHTML in the page*', (s) => s.baselines.serialize));
  L.push(row('*baseline: the HTML around a MessageChannel in the page*', (s) => s.baselines.roundTrip));
  L.push(row('*cross-check: HTML to the frame, by time origins*', (s) => s.detail.readerThere));
  L.push(row('*cross-check: "painted" back, by time origins*', (s) => s.detail.readerBack));
  for (const x of b) {
    L.push(`\n## Per page: ${x.browser}\n`);
    L.push('| page | KB | idle → painted | serialize | transfer | survey + judge | apply | paint | toggle → painted | load | wait | read (wasm) | dom | paint |');
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const p of x.perPage) {
      const c = p.clean;
      const r = p.reader;
      L.push(`| ${p.name} | ${Math.round((p.bytes ?? 0) / 1024)} | ${fmt(c.whole)} | ${fmt(c.serialize)} | ${fmt(c.transfer)} | ${fmt(c.survey + c.judge)} | ${fmt(c.apply)} | ${fmt(c.paint)} | `
        + `${fmt(r.whole)} | ${fmt(r.load)} | ${fmt(r.wait)} | ${fmt(r.boundary + r.survey + r.judge + r.output)} | ${fmt(r.dom)} | ${fmt(r.paint)} |`);
    }
    if (x.problems.length) L.push(`\nProblems (${x.problems.length}):\n\n${x.problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return `${L.join('\n')}\n`;
}

const wanted = args.browsers.split(',').map((x) => x.trim()).filter(Boolean);
const drivers = { chromium: ChromiumDriver, firefox: FirefoxDriver };
for (const w of wanted) if (!drivers[w]) fail(`unknown browser ${w} (chromium, firefox)`);
const report = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Linux ${release()}`,
  pages: pages.length,
  rounds: ROUNDS,
  browsers: [],
};
const server = await new TestServer(SHARED).start();
let failed = false;
try {
  for (const key of wanted) {
    console.log(`${key}: ${pages.length} pages × ${ROUNDS} rounds`);
    current = key;
    sample();
    const result = await measure(drivers[key], key, server);
    sample();
    result.load = loadOf(load.filter((e) => e.browser === key));
    result.summary = summarize(result.perPage);
    report.browsers.push(result);
    if (result.problems.length) {
      failed = true;
      for (const p of result.problems.slice(0, 20)) console.log(`  problem: ${p}`);
    }
    if (result.perPage.length === 0) failed = true;
  }
} finally {
  clearInterval(sampler);
  await server.stop();
}
current = null;
sample();
report.load = loadOf(load);
const foreign = server.proxied.map((r) => r.url);
report.refusedOutsideRequests = foreign;
const out = resolve(args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 1)}\n`);
writeFileSync(`${out}.md`, markdown(report));
console.log(`\nwrote ${out}.md and ${out}.json; load average ${report.load.min.toFixed(2)}–${report.load.max.toFixed(2)} (median ${report.load.median.toFixed(2)})`);
for (const x of report.browsers) {
  const s = x.summary;
  console.log(`${x.browser}: ${s.pages} pages; idle → cleaned painted median ${fmt(s.clean.whole.median)} ms (p90 ${fmt(s.clean.whole.p90)}), toggle → reader painted median ${fmt(s.reader.whole.median)} ms (p90 ${fmt(s.reader.whole.p90)}) (${x.seconds.toFixed(0)} s)`);
}
if (failed) fail('some pages did not finish or their timings do not add up (see the problems above)');
