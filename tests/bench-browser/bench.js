// The in-browser benchmark (issue 7), run in one tab: for one corpus page at a time, loaded in
// the frame, it times interleaved runs of
//   clean:        serialize the live DOM (outerHTML) + analyze + applyVerdict (extension/applier.js,
//                 as the content script runs it; then restore, untimed)
//   read:         serialize the live DOM (outerHTML) + read
//   readability:  new Readability(document.cloneNode(true)).parse(), as Firefox's reader mode does
// with the order of the three rotated from run to run. tests/bench-browser/run.mjs drives it.
import init, { analyze, read, version } from '/pkg/plainpage.js';

const { applyVerdict, restore } = globalThis.PlainPageApplier;

const started = performance.now();
await init({ module_or_path: '/pkg/plainpage_bg.wasm' });
const initMs = performance.now() - started;
const frame = document.getElementById('page');
const status = document.getElementById('status');

function load(url) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url} did not load in 30 s`)), 30_000);
    frame.onload = () => {
      clearTimeout(timer);
      resolve(frame.contentDocument);
    };
    frame.src = url;
  });
}

const methods = {
  clean(doc, url) {
    const t0 = performance.now();
    const html = doc.documentElement.outerHTML;
    const t1 = performance.now();
    const { verdict } = analyze(html, url, {});
    const t2 = performance.now();
    const applied = applyVerdict(doc, verdict, 'hide');
    const t3 = performance.now();
    restore(doc);
    return { ms: t3 - t0, serialize: t1 - t0, analyze: t2 - t1, apply: t3 - t2, removed: applied.applied };
  },
  read(doc, url) {
    const t0 = performance.now();
    const html = doc.documentElement.outerHTML;
    const t1 = performance.now();
    const { article } = read(html, url, {});
    const t2 = performance.now();
    return { ms: t2 - t0, serialize: t1 - t0, read: t2 - t1, chars: article?.text?.length ?? 0 };
  },
  readability(doc) {
    const t0 = performance.now();
    const clone = doc.cloneNode(true);
    const t1 = performance.now();
    const article = new Readability(clone).parse();
    const t2 = performance.now();
    return { ms: t2 - t0, clone: t1 - t0, parse: t2 - t1, chars: article?.textContent?.length ?? 0 };
  },
};
const ORDER = ['clean', 'read', 'readability'];

/** Loads one corpus page and times `runs` interleaved rounds (after one untimed warm-up). */
window.benchPage = async function benchPage(name, runs) {
  status.textContent = `page ${name}`;
  const url = `${location.origin}/corpus/${encodeURIComponent(name)}/`;
  const doc = await load(url);
  const pageUrl = doc.URL;
  const before = doc.documentElement.outerHTML;
  const samples = { clean: [], read: [], readability: [] };
  const errors = [];
  for (let round = -1; round < runs; round++) {
    // Rotate the order so no method always runs first (or right after another).
    const order = ORDER.map((_, i) => ORDER[(i + Math.max(round, 0)) % ORDER.length]);
    for (const method of order) {
      try {
        const sample = methods[method](doc, pageUrl);
        if (round >= 0) samples[method].push(sample);
      } catch (error) {
        errors.push(`${method}: ${error.message}`);
      }
    }
  }
  const unchanged = doc.documentElement.outerHTML === before;
  frame.src = 'about:blank';
  return { name, bytes: before.length, samples, errors: [...new Set(errors)], unchanged };
};

window.benchInfo = {
  version: version(),
  initMs,
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  userAgent: navigator.userAgent,
};
document.body.dataset.ready = 'true';
status.textContent = `ready (PlainPage ${version()})`;
