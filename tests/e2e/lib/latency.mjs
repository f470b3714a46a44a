// The two waits a user feels, split into their parts, from the timings the extension reports in
// its status (content.js `timings.parts` and `timings.reader`, the background's `worker` answer,
// the reader frame's own marks): all measured with performance.now() in the extension, local
// only. The e2e timing tests check the split on two pages; tests/bench-latency/run.mjs
// (`./build.sh bench-latency`) takes it over the whole Readability corpus.
//
// Each wait is cut into consecutive steps, so the parts add up to the whole. Three contexts take
// part, each with its own clock (the page's content script, the background, the reader frame),
// so a step that crosses from one to another is not read off two clocks: the time a message
// spends on its way there and back is what the sender waited minus what the receiver reports it
// spent. That part is derived; every other part is measured directly, and those must never add
// up to more than the whole wait (a check that fails when a part is counted twice or a clock
// reading is wrong).

/** document idle → cleaned (and painted): [key, label], in order. */
export const CLEAN_PARTS = [
  ['startup', 'content script start → cleaning begins (settings read)'],
  ['serialize', 'HTML serialized (outerHTML)'],
  ['transfer', 'HTML to the background and the verdict back (messaging, derived)'],
  ['setup', 'background: engine setup wait and glue'],
  ['boundary', 'wasm boundary (HTML into wasm memory, verdict out)'],
  ['survey', 'survey'],
  ['judge', 'judge'],
  ['keep', 'waiting for the kept-blocks setting'],
  ['apply', 'DOM applied (applyVerdict)'],
  ['bookkeeping', 'after applying (article root, counts)'],
  ['paint', 'first paint after cleaning'],
];

/** toggle → reader view painted: [key, label], in order. */
export const READER_PARTS = [
  ['serialize', 'HTML serialized (unchangedHTML)'],
  ['frame', 'frame created (element, style, appended)'],
  ['load', 'frame loaded (reader.html, its CSS and scripts)'],
  ['transfer', 'HTML posted to the frame, and "painted" back (derived)'],
  ['wait', 'waiting for the module (instantiation) and settings'],
  ['boundary', 'wasm boundary (HTML in, article out)'],
  ['survey', 'survey'],
  ['judge', 'judge'],
  ['output', 'extract + sanitize + render (engine)'],
  ['dom', 'DOM applied (settings, article nodes, progress)'],
  ['paint', 'first paint'],
];

/**
 * The parts the issue names, which take real work on every page: each must be more than 0 ms.
 * The others (glue between steps) may round to 0, and Firefox's 1 ms clock rounds small steps too.
 */
export const MUST_TAKE_TIME = {
  clean: ['serialize', 'transfer', 'survey', 'apply', 'paint'],
  reader: ['serialize', 'load', 'transfer', 'survey', 'output', 'dom', 'paint'],
};

const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN);

/**
 * document idle → cleaned, from a status: `{ whole, cleaned, parts, detail }` (ms), or null when
 * the status has not got the whole split yet (the paint after cleaning not yet seen).
 */
export function cleanSplit(status) {
  const t = status?.timings;
  const p = t?.parts;
  if (!p || p.painted === undefined || !p.worker || !p.engine) return null;
  const w = p.worker;
  const e = p.engine;
  const roundTrip = p.returned - p.serialized;
  const parts = {
    startup: p.begun,
    serialize: p.serialized - p.begun,
    transfer: roundTrip - w.handled,
    setup: w.handled - w.call,
    boundary: w.call - e.survey - e.judge,
    survey: e.survey,
    judge: e.judge,
    keep: p.answered - p.returned,
    apply: p.applied - p.answered,
    bookkeeping: p.cleaned - p.applied,
    paint: p.painted - p.cleaned,
  };
  // One-way estimates from the contexts' time origins (performance.timeOrigin): a cross-check
  // only, since two processes' origins need not agree.
  const sentAt = t.origin + t.start + p.serialized;
  const receivedAt = w.origin + w.received;
  const there = receivedAt - sentAt;
  const back = t.origin + t.start + p.returned - (receivedAt + w.handled);
  return {
    whole: num(p.painted),
    cleaned: num(p.cleaned),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, num(v)])),
    derived: ['transfer'],
    detail: { roundTrip, initMs: w.initMs, cold: w.cold, attempt: p.attempt, there, back },
  };
}

/** toggle → reader painted, from a status: `{ whole, parts, detail }` (ms), or null before it is painted. */
export function readerSplit(status) {
  const t = status?.timings;
  const r = t?.reader;
  const f = r?.frame;
  if (!r || r.painted === undefined || !f || !f.engine) return null;
  const e = f.engine;
  const inFrame = f.painted - f.received;
  const parts = {
    serialize: r.serialized,
    frame: r.appended - r.serialized,
    load: r.loaded - r.appended,
    transfer: r.painted - r.loaded - inFrame,
    wait: f.ready - f.received,
    boundary: f.readEnd - f.readStart - e.survey - e.judge - e.output,
    survey: e.survey,
    judge: e.judge,
    output: e.output,
    dom: f.rendered - f.readEnd + (f.readStart - f.ready),
    paint: f.painted - f.rendered,
  };
  const postedAt = t.origin + t.start + r.at + r.loaded;
  return {
    whole: num(r.painted),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, num(v)])),
    derived: ['transfer'],
    detail: {
      // The module's load and instantiation in the frame (from its script running), which
      // overlaps the frame's load: only what is left of it when the page arrives is `wait`.
      instantiate: f.instantiated - f.evaluated,
      settings: f.settings - f.received,
      there: f.origin + f.received - postedAt,
      back: t.origin + t.start + r.at + r.painted - (f.origin + f.painted),
    },
  };
}

/**
 * What is wrong with a split (an empty list when nothing is): a part missing or not a number, a
 * part below 0 by more than `slack` ms (the clock's resolution: a difference of rounded readings
 * can come out just under 0), one of the `positive` parts (MUST_TAKE_TIME unless told) that took
 * no time, or measured parts that add up to more than the whole wait.
 */
export function splitProblems(split, which, { slack = 0, positive = MUST_TAKE_TIME[which] } = {}) {
  if (!split) return ['no split: the status has no timings for it'];
  const order = which === 'clean' ? CLEAN_PARTS : READER_PARTS;
  const problems = [];
  if (!(split.whole > 0)) problems.push(`the whole wait is ${split.whole} ms`);
  for (const [key] of order) {
    const v = split.parts[key];
    if (Number.isNaN(v) || v === undefined) problems.push(`${key} is missing`);
    else if (v < -slack) problems.push(`${key} is ${v.toFixed(3)} ms, below 0`);
  }
  for (const key of positive) {
    if (!(split.parts[key] > 0)) problems.push(`${key} took no time (${split.parts[key]} ms)`);
  }
  const measured = order.filter(([k]) => !split.derived.includes(k)).reduce((sum, [k]) => sum + split.parts[k], 0);
  if (measured > split.whole + slack) {
    problems.push(`the measured parts add up to ${measured.toFixed(3)} ms, more than the whole wait (${split.whole.toFixed(3)} ms)`);
  }
  const total = order.reduce((sum, [k]) => sum + split.parts[k], 0);
  if (Math.abs(total - split.whole) > 0.01 + slack) problems.push(`the parts add up to ${total.toFixed(3)} ms, not the whole wait (${split.whole.toFixed(3)} ms)`);
  return problems;
}

/** The q-th quantile (0..1) of a list, by linear interpolation between the nearest ranks. */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

/** One line per split, for a test's diagnostics. */
export function describeSplit(split, which) {
  const order = which === 'clean' ? CLEAN_PARTS : READER_PARTS;
  return `${split.whole.toFixed(1)} ms = ${order.map(([k]) => `${k} ${split.parts[k].toFixed(1)}`).join(' + ')}`;
}
