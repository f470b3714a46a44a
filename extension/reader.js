// Reader view, in an extension frame above the page: the content script posts the page's HTML
// here with a MessageChannel port; the wasm engine extracts and sanitizes the article; this file
// lays it out and answers the toolbar (the text size is shown between A− and A+, which are off at
// the limits). Settings persist in storage.local.
import init, { read } from './pkg/plainpage.js';

const { api } = globalThis.PlainPage;
const Settings = globalThis.PlainPageSettings;

const root = document.documentElement;
const main = document.getElementById('reader');
/**
 * Where the time to the reader painted went in this frame, in ms on its own clock (since its
 * navigation began): sent with `painted`, read by tests (tests/e2e/lib/latency.mjs), kept nowhere.
 */
const timings = { origin: performance.timeOrigin, evaluated: performance.now() };
const engineReady = init({ module_or_path: new URL('pkg/plainpage_bg.wasm', import.meta.url) }).then((exports) => {
  timings.instantiated = performance.now();
  return exports;
});

/** The port to the content script that opened this frame. */
let port = null;
let settings = structuredClone(Settings.DEFAULTS.reader);
let article = null;

addEventListener('message', async (event) => {
  const data = event.data;
  if (port || event.source !== parent || data?.type !== 'plainpage:page' || !event.ports[0]) return;
  port = event.ports[0];
  timings.received = performance.now();
  try {
    const [stored] = await Promise.all([
      Settings.load().then((loaded) => {
        timings.settings = performance.now();
        return loaded;
      }),
      engineReady,
    ]);
    timings.ready = performance.now();
    settings = stored.reader;
    applySettings();
    timings.readStart = performance.now();
    const result = read(String(data.html), String(data.url), {});
    timings.readEnd = performance.now();
    timings.engine = result.timings;
    article = result.article;
    render(article);
    showProgress();
    timings.rendered = performance.now();
    // Painted: after the next frame has been produced.
    requestAnimationFrame(() =>
      setTimeout(() => {
        timings.painted = performance.now();
        port.postMessage({ type: 'painted', timings });
      }, 0),
    );
  } catch (error) {
    showStatus(`Reader view could not be made for this page: ${error.message}`);
    port.postMessage({ type: 'error', message: String(error.message) });
  }
});

function showStatus(text) {
  const p = document.createElement('p');
  p.className = 'status';
  p.textContent = text;
  main.replaceChildren(p);
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

function formatDate(value, lang) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return date.toLocaleDateString(lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return date.toDateString();
  }
}

function render(a) {
  if (!a || !a.content) {
    showStatus('PlainPage found no article on this page.');
    return;
  }
  const articleEl = element('article', 'article');
  if (a.lang) articleEl.lang = a.lang;
  articleEl.dir = a.dir === 'rtl' ? 'rtl' : a.dir === 'ltr' ? 'ltr' : 'auto';
  const header = element('header', 'article-header');
  if (a.siteName) header.append(element('p', 'site', a.siteName));
  header.append(element('h1', 'title', a.title || document.title));
  const meta = [];
  if (a.byline) meta.push(a.byline);
  if (a.published) meta.push(formatDate(a.published, a.lang));
  if (meta.length) header.append(element('p', 'byline', meta.join(' · ')));
  if (a.readingMinutes) {
    const minutes = `${a.readingMinutes} min read`;
    header.append(element('p', 'reading-time', a.wordCount ? `${minutes} · ${a.wordCount} words` : minutes));
  }
  // The article HTML is already sanitized by the engine (an allowlist; no scripts, handlers or
  // script URLs); it is parsed inertly here and moved in, and this page's CSP runs no inline code.
  const parsed = new DOMParser().parseFromString(a.content, 'text/html');
  const body = element('div', 'content');
  body.append(...parsed.body.childNodes);
  for (const img of body.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
  }
  for (const link of body.querySelectorAll('a[href]')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  articleEl.append(header, body);
  main.replaceChildren(articleEl);
  document.title = a.title || document.title;
  if (articleEl.dir === 'rtl') root.dir = 'rtl';
}

// ---- reading progress ------------------------------------------------------------------------

const progress = document.getElementById('progress');
const progressFill = progress.firstElementChild;
let progressQueued = false;

/**
 * How far the article is scrolled, 0 at the top and 100 at the end (100 when it all fits on the
 * screen), drawn at most once per frame: scroll, resize and layout changes (images loading, a
 * new text size or width) only queue a frame.
 */
function showProgress() {
  if (progressQueued) return;
  progressQueued = true;
  requestAnimationFrame(() => {
    progressQueued = false;
    const scroller = document.scrollingElement ?? root;
    const room = scroller.scrollHeight - scroller.clientHeight;
    const fraction = room > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / room)) : main.querySelector('article') ? 1 : 0;
    progressFill.style.transform = `scaleX(${fraction})`;
    progress.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  });
}

addEventListener('scroll', showProgress, { passive: true });
addEventListener('resize', showProgress, { passive: true });
new ResizeObserver(showProgress).observe(main);

// ---- settings and toolbar ----------------------------------------------------------------------

function applySettings() {
  root.dataset.theme = Settings.THEMES.includes(settings.theme) ? settings.theme : 'system';
  root.dataset.font = Settings.FONTS.includes(settings.font) ? settings.font : 'serif';
  root.dataset.width = Settings.WIDTHS.includes(settings.width) ? settings.width : 'medium';
  const size = textSize();
  root.style.setProperty('--font-size', `${size}px`);
  showSize(size);
  for (const button of document.querySelectorAll('.toolbar [data-theme], .toolbar [data-font], .toolbar [data-width]')) {
    const [key, value] = Object.entries(button.dataset)[0];
    button.setAttribute('aria-pressed', String(root.dataset[key] === value));
  }
}

/** The size setting, within the limits (the default when it is not a number). */
function textSize() {
  const { min, max } = Settings.FONT_SIZES;
  return Math.min(max, Math.max(min, Number(settings.size) || Settings.DEFAULTS.reader.size));
}

/** Shows the size between A− and A+, and turns either button off at its limit. */
function showSize(size) {
  const { min, max } = Settings.FONT_SIZES;
  document.getElementById('size').textContent = `${size} px`;
  document.getElementById('smaller').disabled = size <= min;
  document.getElementById('larger').disabled = size >= max;
}

/**
 * The settings this frame saved, as JSON, until storage.onChanged brings each back: an echo of an
 * earlier save must not undo a later click (A+ pressed quickly several times).
 */
const ownSaves = [];

function change(partial) {
  settings = { ...settings, ...partial };
  applySettings();
  ownSaves.push(JSON.stringify(settings));
  Settings.save({ reader: settings }).catch(() => {});
}

document.querySelector('.toolbar').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  const { theme, font, width } = button.dataset;
  if (theme) change({ theme });
  else if (font) change({ font });
  else if (width) change({ width });
  else if (button.id === 'smaller') change({ size: Math.max(Settings.FONT_SIZES.min, textSize() - Settings.FONT_SIZES.step) });
  else if (button.id === 'larger') change({ size: Math.min(Settings.FONT_SIZES.max, textSize() + Settings.FONT_SIZES.step) });
  else if (button.id === 'print') print();
  else if (button.id === 'listen') toggleSpeech(button);
  else if (button.id === 'close') close();
});

function close() {
  stopSpeech();
  port?.postMessage({ type: 'close' });
}

addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
  }
});

// ---- read aloud (the browser's speech synthesis) -----------------------------------------------

let speaking = false;

function toggleSpeech(button) {
  if (speaking) {
    stopSpeech();
    return;
  }
  if (!('speechSynthesis' in globalThis) || !article?.text) {
    button.title = 'Read aloud is not available in this browser';
    return;
  }
  const blocks = [...main.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, figcaption')]
    .map((el) => el.textContent.trim())
    .filter(Boolean);
  speaking = true;
  button.setAttribute('aria-pressed', 'true');
  button.textContent = 'Stop';
  speechSynthesis.cancel();
  blocks.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = article.lang || root.lang;
    if (i === blocks.length - 1) utterance.onend = stopSpeech;
    speechSynthesis.speak(utterance);
  });
}

function stopSpeech() {
  if ('speechSynthesis' in globalThis) speechSynthesis.cancel();
  speaking = false;
  const button = document.getElementById('listen');
  button.setAttribute('aria-pressed', 'false');
  button.textContent = 'Listen';
}

addEventListener('pagehide', stopSpeech);
api.storage.onChanged.addListener((changes, area) => {
  const value = changes.reader?.newValue;
  if (area !== 'local' || !value) return;
  const own = ownSaves.indexOf(JSON.stringify(value));
  if (own !== -1) {
    ownSaves.splice(0, own + 1); // this frame's own save: already applied
    return;
  }
  settings = { ...settings, ...value };
  applySettings();
});
applySettings();
