// What both browsers' reader view tests check about text size and the reader shortcut: the
// reader defaults and size limits from extension/settings.js (its source, run in a node vm), the
// sizes the reader frame computes, the size shown between A− and A+ (each off at its limit), and
// the suggested key in a built manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './pages.mjs';

/** extension/settings.js, run in a node vm: its PlainPageSettings. */
function settingsModule() {
  const context = vm.createContext({ PlainPage: { api: {} } });
  const file = join(ROOT, 'extension', 'settings.js');
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  return { settings: context.PlainPageSettings, file };
}

/** The reader's default settings, as extension/settings.js defines them. */
export function readerDefaults() {
  const { settings, file } = settingsModule();
  const reader = settings?.DEFAULTS?.reader;
  assert.ok(reader && Number.isFinite(reader.size), `no DEFAULTS.reader.size in ${file}`);
  return { ...reader };
}

/** The text size limits and step (px), as extension/settings.js defines them. */
export function readerFontSizes() {
  const { settings, file } = settingsModule();
  const sizes = settings?.FONT_SIZES;
  assert.ok(sizes && [sizes.min, sizes.max, sizes.step].every(Number.isFinite), `no FONT_SIZES in ${file}`);
  return { ...sizes };
}

/** Runs in the reader frame: the size shown between A− and A+, and which of the two is off. */
export function readerSizeControls() {
  return {
    shown: document.getElementById('size').textContent,
    smallerOff: document.getElementById('smaller').disabled,
    largerOff: document.getElementById('larger').disabled,
    body: parseFloat(getComputedStyle(document.body).fontSize),
  };
}

/** The controls as they must be at `size` px: the size shown, A− off at the minimum, A+ at the maximum. */
export function assertSizeControls(seen, size, { min, max }, where) {
  assert.deepEqual(seen, { shown: `${size} px`, smallerOff: size <= min, largerOff: size >= max, body: size }, `${where}: the text size controls at ${size} px`);
}

/** The reader command's suggested key in a built manifest (dist/<browser>/manifest.json). */
export function suggestedReaderKey(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const key = manifest.commands?.['toggle-reader']?.suggested_key?.default;
  assert.ok(key, 'the manifest suggests no key for toggle-reader');
  return key;
}

/**
 * Runs in the reader frame: the computed font size (px) of the article's body paragraphs (not
 * those inside figures, quotes, lists or tables), the byline and every caption.
 */
export function readerTextSizes() {
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  const paragraphs = [...document.querySelectorAll('article .content p')].filter(
    (p) => p.textContent.trim() && !p.closest('figure, figcaption, blockquote, li, table, aside'),
  );
  const byline = document.querySelector('article .byline');
  return {
    setting: getComputedStyle(document.documentElement).getPropertyValue('--font-size').trim(),
    body: px(document.body),
    paragraphs: paragraphs.map(px),
    byline: byline ? px(byline) : null,
    captions: [...document.querySelectorAll('article .content figcaption')].map(px),
  };
}

/** Body paragraphs at `size` px exactly; byline and captions present and smaller. */
export function assertTextSizes(seen, size, browser) {
  const where = `${browser} reader view (${JSON.stringify(seen)})`;
  assert.equal(seen.body, size, `${where}: the body font size is not the setting's ${size} px`);
  assert.ok(seen.paragraphs.length > 0, `${where}: no body paragraphs`);
  for (const p of seen.paragraphs) assert.equal(p, size, `${where}: a body paragraph is ${p} px, not ${size} px`);
  assert.ok(seen.byline !== null, `${where}: no byline`);
  assert.ok(seen.byline < size, `${where}: the byline (${seen.byline} px) is not smaller than body text (${size} px)`);
  assert.ok(seen.captions.length > 0, `${where}: no captions`);
  for (const c of seen.captions) assert.ok(c < size, `${where}: a caption (${c} px) is not smaller than body text (${size} px)`);
}

/**
 * Runs in the reader frame: the article's word count as the reader shows it (the "· N words" of
 * the reading-time line) and as counted in its text (the content, header left out).
 */
export function readerWords() {
  const line = document.querySelector('article .reading-time')?.textContent ?? '';
  const shown = line.match(/([\d,]+)\s+words/);
  const text = document.querySelector('article .content').innerText.replace(/\s+/g, ' ').trim();
  return { shown: shown ? Number(shown[1].replace(/,/g, '')) : null, counted: text ? text.split(' ').length : 0 };
}

/**
 * The reader's article on a page the cleaning changes it for (issue 14, item 5): the same with the
 * page cleaned as after *Restore all* (text and word count, within `slack` counted words), the
 * count the engine (the same wasm, in node) gives the page's HTML after *Restore all*, and read from the cleaned page as it is (hidden
 * blocks hidden: what the reader read before it read the page as it was before cleaning) a
 * markedly different article, so the page is one that needs the reader to do so.
 */
export function assertSameArticle({ cleaned, uncleaned, restored, asCleaned }, where, slack = 3) {
  const counts = `cleaned ${JSON.stringify(cleaned.words)}, not cleaned ${JSON.stringify(uncleaned.words)}, the engine on the restored page ${restored}, read from the cleaned page as it is ${asCleaned}`;
  assert.ok(uncleaned.words.shown > 0, `${where}: the reader shows no word count (${counts})`);
  assert.equal(cleaned.words.shown, uncleaned.words.shown, `${where}: the reader's word count differs after cleaning (${counts})`);
  assert.ok(Math.abs(cleaned.words.counted - uncleaned.words.counted) <= slack, `${where}: the reader's text differs after cleaning by more than ${slack} words (${counts})`);
  assert.equal(uncleaned.words.shown, restored, `${where}: the reader's word count is not the engine's for the page (${counts})`);
  const apart = Math.abs(asCleaned - restored);
  assert.ok(apart >= 0.25 * Math.max(asCleaned, restored), `${where}: read from the cleaned page as it is, the article is about the same (${counts}), so this page does not show that the reader must read the page as it was before cleaning`);
}
