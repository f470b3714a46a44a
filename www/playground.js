// PlainPage playground: runs the wasm engine on a page the user picks, opens, drops or pastes,
// and shows the cleaned page, the reader view and every removal with its reason and timings.
// No framework, no requests but the playground's own files. "Show removed" applies the verdict
// with the extension's own applier (extension/applier.js, which build.sh copies into pkg/ beside
// the wasm module): one applier for the extension, the playground and the benchmark.

import init, { analyze, clean, read, version } from './pkg/plainpage.js';
import './pkg/applier.js';

const Applier = globalThis.PlainPageApplier;

/** A policy put first in every page shown in a frame: inline styles only, nothing fetched. */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const $ = (id) => document.getElementById(id);

const state = {
  html: '',
  verdict: null,
  /** Whether the "show removed" frame holds the current page yet. */
  outlined: false,
  /** Removal index to bring into view once the outlined page has loaded. */
  focus: null,
};

/** Loads the module once; the exports are also on window.plainpage for the console and tests. */
const started = performance.now();
const ready = init().then(() => {
  const initMs = performance.now() - started;
  window.plainpage = { analyze, clean, read, version, initMs, applier: Applier };
  $('version').textContent = `engine ${version()} (WebAssembly, fetched and compiled in ${initMs.toFixed(0)} ms)`;
  document.body.dataset.ready = 'true';
});

function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** A page's text from its bytes: BOM, then <meta charset> in the first 1024 bytes, else UTF-8. */
function decode(buffer) {
  const bytes = new Uint8Array(buffer);
  let label = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
    if (match) label = match[1];
  }
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Parses HTML into an inert document (scripts off, nothing fetched). */
function parse(html) {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Serializes a document with its doctype, after putting the frame policy first in <head>. */
function serializeForFrame(doc) {
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', FRAME_POLICY);
  doc.head.prepend(meta);
  const doctype = doc.doctype ? new XMLSerializer().serializeToString(doc.doctype) + '\n' : '';
  return doctype + doc.documentElement.outerHTML;
}

function framed(html) {
  return serializeForFrame(parse(html));
}

function ms(value) {
  return typeof value === 'number' ? value.toFixed(2) : '–';
}

function showTimings(rows) {
  const body = $('timing-rows');
  body.replaceChildren(
    ...rows.map(([pass, value]) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = pass;
      const num = document.createElement('td');
      num.textContent = ms(value);
      num.className = 'num';
      tr.append(name, num);
      return tr;
    }),
  );
  $('timings').hidden = false;
}

function showRemovals(verdict) {
  const body = $('removals').querySelector('tbody');
  const rows = verdict.removals.map((removal, index) => {
    const tr = document.createElement('tr');
    tr.dataset.index = String(index);
    tr.dataset.category = removal.category;
    tr.tabIndex = 0;
    tr.title = `element ${removal.ordinal}, <${removal.tag}>` + (removal.rule ? `, rule ${removal.rule}` : '');
    const cells = [
      String(index + 1),
      removal.category,
      removal.reason + (removal.rule ? ` (rule: ${removal.rule})` : ''),
      removal.preview,
    ];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 1) {
        td.className = 'category';
        td.style.setProperty('--cat', Applier.COLOURS[removal.category]);
      }
      tr.append(td);
    });
    tr.addEventListener('click', () => locate(index));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        locate(index);
      }
    });
    return tr;
  });
  body.replaceChildren(...rows);
  $('no-removals').hidden = rows.length > 0;
  const counts = {};
  for (const removal of verdict.removals) counts[removal.category] = (counts[removal.category] || 0) + 1;
  $('counts').replaceChildren(
    ...Object.entries(counts).map(([category, n]) => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.style.setProperty('--cat', Applier.COLOURS[category]);
      chip.textContent = `${category} ${n}`;
      return chip;
    }),
  );
}

function selectTab(name) {
  for (const tab of ['cleaned', 'removed', 'reader']) {
    $(`tab-${tab}`).setAttribute('aria-selected', String(tab === name));
    $(tab).hidden = tab !== name;
  }
  if (name === 'removed' && !state.outlined) renderOutlined();
}

/** The original page with every removed block outlined in its category's colour. */
function renderOutlined() {
  if (!state.verdict) return;
  state.outlined = true;
  const doc = parse(state.html);
  let took;
  try {
    const t0 = performance.now();
    Applier.applyVerdict(doc, state.verdict, 'outline');
    took = performance.now() - t0;
  } catch (error) {
    setStatus(`Show removed: ${error.message}`, true);
    $('removed').srcdoc = '';
    return;
  }
  const marked = doc.querySelectorAll('[data-plainpage-removed]');
  marked.forEach((el, i) => el.setAttribute('data-plainpage-index', String(i)));
  const apply = document.querySelector('#timing-rows tr[data-pass="apply"] td.num');
  if (apply) apply.textContent = ms(took);
  $('removed').srcdoc = serializeForFrame(doc);
}

/** Brings removal `index` into view in the "show removed" frame and emphasizes it. */
function locate(index) {
  state.focus = index;
  for (const row of $('removals').querySelectorAll('tbody tr')) {
    row.classList.toggle('selected', row.dataset.index === String(index));
  }
  if ($('removed').hidden) selectTab('removed');
  focusInFrame();
}

function focusInFrame() {
  const doc = $('removed').contentDocument;
  if (state.focus === null || !doc) return;
  const target = doc.querySelector(`[data-plainpage-index="${state.focus}"]`);
  if (!target) return; // Not loaded yet: the frame's load handler calls again.
  for (const el of doc.querySelectorAll('[data-plainpage-focus]')) {
    el.removeAttribute('data-plainpage-focus');
    el.style.removeProperty('box-shadow');
  }
  target.setAttribute('data-plainpage-focus', '');
  target.style.setProperty('box-shadow', '0 0 0 6px rgba(255, 200, 0, 0.8)', 'important');
  target.scrollIntoView({ block: 'center' });
}

/** Runs the engine on a page and shows every result. */
async function run(source, label, pageUrl) {
  await ready;
  // The engine sees the page as the browser built it, as in the extension: parsed, then
  // serialized. So "show removed" applies the verdict to a document with the same elements in
  // the same order (a raw page may, e.g., open a <div> before <head>, which the parser moves).
  const parsed = parse(source);
  const doctype = parsed.doctype ? new XMLSerializer().serializeToString(parsed.doctype) + '\n' : '';
  const html = doctype + parsed.documentElement.outerHTML;
  state.html = html;
  state.verdict = null;
  state.outlined = false;
  state.focus = null;
  const url = (pageUrl ?? $('url').value).trim() || undefined;
  setStatus(`Analyzing ${label}…`);
  try {
    const t0 = performance.now();
    const cleaned = clean(html, url, {});
    const t1 = performance.now();
    const reader = read(html, url, {});
    const t2 = performance.now();
    state.verdict = cleaned.verdict;

    $('cleaned').srcdoc = framed(cleaned.html);
    $('reader').srcdoc = framed(reader.document);
    $('removed').srcdoc = '';
    showRemovals(cleaned.verdict);
    showTimings([
      ['survey', cleaned.timings.survey],
      ['judge', cleaned.timings.judge],
      ['strip (clean)', cleaned.timings.output],
      ['clean, whole call', t1 - t0],
      ['extract + sanitize + render (read)', reader.timings.output],
      ['read, whole call (survey and judge again)', t2 - t1],
      ['apply verdict (show removed)', undefined],
    ]);
    $('timing-rows').lastElementChild.dataset.pass = 'apply';
    const v = cleaned.verdict;
    const title = reader.article.title || v.metadata.title || 'untitled';
    setStatus(
      `${label}: “${title}”: ${v.elements} elements, article at element ${v.article ?? '–'}, ` +
        `${v.removals.length} block${v.removals.length === 1 ? '' : 's'} removed, ` +
        `${reader.article.wordCount} words in reader view.`,
    );
    if (!$('removed').hidden) renderOutlined();
  } catch (error) {
    setStatus(`${label}: ${error.message}`, true);
  }
}

async function loadFile(file) {
  if (!file) return;
  const html = decode(await file.arrayBuffer());
  $('sample').value = '';
  run(html, file.name);
}

$('sample').addEventListener('change', async () => {
  const option = $('sample').selectedOptions[0];
  if (!option || !option.value) return;
  try {
    const response = await fetch(option.value);
    if (!response.ok) throw new Error(`${option.value}: HTTP ${response.status}`);
    const html = decode(await response.arrayBuffer());
    $('url').value = option.dataset.url || '';
    await run(html, option.textContent);
  } catch (error) {
    setStatus(`Could not load the sample: ${error.message}`, true);
  }
});

$('file').addEventListener('change', () => loadFile($('file').files[0]));

$('run-paste').addEventListener('click', () => {
  const html = $('paste').value;
  if (!html.trim()) {
    setStatus('Paste some HTML first.', true);
    return;
  }
  $('sample').value = '';
  run(html, 'pasted HTML');
});

for (const tab of ['cleaned', 'removed', 'reader']) {
  $(`tab-${tab}`).addEventListener('click', () => selectTab(tab));
}

$('removed').addEventListener('load', focusInFrame);

// Drag and drop anywhere on the page.
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes('Files')) return;
  dragDepth += 1;
  $('drop').hidden = false;
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) $('drop').hidden = true;
});
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  $('drop').hidden = true;
  loadFile(event.dataTransfer && event.dataTransfer.files[0]);
});

ready.catch((error) => setStatus(`The engine did not load: ${error.message}`, true));
