// "Why each block went" (issue 14, item 4), shared by both browsers' suites: what the engine
// removes from a page and why (the same wasm module as the extension, run in node), what the
// labels of "Show removed" say (read in the page, through the labels' open shadow root), and
// the marks on the page's blocks; the reader article the engine reads from a page's HTML; and how the
// labels stand up to a page style sheet at war with them (lib/hostile.css).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { ROOT, settled } from './pages.mjs';
import { readPng } from './png.mjs';

const PKG = join(ROOT, 'www', 'pkg');
let engine = null;

async function loadEngine() {
  if (!engine) {
    const module = await import(join(PKG, 'plainpage.js'));
    await module.default({ module_or_path: readFileSync(join(PKG, 'plainpage_bg.wasm')) });
    engine = module;
  }
  return engine;
}

/** The engine's removals for a page's HTML ({ category, reason } in document order). */
export async function engineRemovals(html, url) {
  await loadEngine();
  return engine.analyze(html, url, {}).verdict.removals.map(({ category, reason }) => ({ category, reason }));
}

/** applier.js COLOURS (the one table of category colours), from its source run in a node vm: category → '#rrggbb'. */
function applierColours() {
  const context = { globalThis: {} };
  context.globalThis = context;
  vm.runInNewContext(readFileSync(join(ROOT, 'extension', 'applier.js'), 'utf8'), context);
  return { ...context.PlainPageApplier.COLOURS };
}

/** The extension's category colours (applier.js COLOURS, the one table), as computed `rgb(…)` values. */
export function categoryColours() {
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  return Object.fromEntries(Object.entries(applierColours()).map(([c, hex]) => [c, rgb(hex)]));
}

/** `category|reason` lines, sorted: how labels and removals are compared. */
export const reasonLines = (items) => items.map(({ category, reason }) => `${category}|${reason}`).sort();

/**
 * Runs in the page: each label of "Show removed" (null when there is no host element): its
 * category, the text of its chip and reason, its key, its buttons, how many elements the key
 * matches and how many of those carry the label's category mark, its font size and its size. Written without closures so both suites can send it as source.
 */
export function labelsInPage() {
  const host = document.querySelector('plainpage-labels');
  if (!host) return null;
  return [...host.shadowRoot.querySelectorAll('[data-category]')].map((label) => {
    const matched = [...document.querySelectorAll(label.dataset.key)];
    const r = label.getBoundingClientRect();
    return {
      category: label.dataset.category,
      chip: label.querySelector('.category').textContent,
      reason: label.querySelector('.reason').textContent,
      key: label.dataset.key,
      buttons: [...label.querySelectorAll('button')].map((b) => b.textContent),
      matches: matched.length,
      marked: matched.filter((el) => el.getAttribute('data-plainpage-removed') === label.dataset.category).length,
      fontSize: getComputedStyle(label).fontSize,
      width: r.width,
      height: r.height,
    };
  });
}

/** Runs in the page: every marked block's category, computed display and outline style. */
export function marksInPage() {
  return [...document.querySelectorAll('[data-plainpage-removed]')].map((el) => ({
    category: el.getAttribute('data-plainpage-removed'),
    display: getComputedStyle(el).display,
    outline: el.style.outlineStyle,
  }));
}

/**
 * Runs in the page: how the removed blocks stand: whether the labels' host is there and how many
 * labels it has, how many blocks are marked, and how many of those are outlined and shown, and
 * how many hidden. A change of mode is waited on with it (assertRemoved): the status says the new
 * mode as soon as the change starts (content.js setMode), and the page's blocks follow only once
 * the engine has judged the page again.
 */
export function removedInPage() {
  const host = document.querySelector('plainpage-labels');
  const marks = [...document.querySelectorAll('[data-plainpage-removed]')];
  return {
    host: host !== null,
    labels: host ? host.shadowRoot.querySelectorAll('[data-category]').length : 0,
    marked: marks.length,
    outlined: marks.filter((el) => el.style.outlineStyle === 'dashed' && getComputedStyle(el).display !== 'none').length,
    hidden: marks.filter((el) => el.style.outlineStyle === '' && getComputedStyle(el).display === 'none').length,
  };
}

/** removedInPage once "Show removed" is off: no labels' host, `n` blocks marked, every one hidden. */
export const allHidden = (n) => ({ host: false, labels: 0, marked: n, outlined: 0, hidden: n });

/** removedInPage once "Show removed" is on for every category: a label per block, `n` blocks outlined and shown. */
export const allOutlined = (n) => ({ host: true, labels: n, marked: n, outlined: n, hidden: 0 });

/**
 * Waits (10 s at most) until the page's removed blocks (`read`: removedInPage run in the page)
 * stand as `want` (allHidden, allOutlined), and fails with what the page has if they never do.
 */
export async function assertRemoved(read, want, what) {
  const seen = await settled(read, (x) => isDeepStrictEqual(x, want));
  assert.deepEqual(seen, want, `${what}: the page's removed blocks never came to ${JSON.stringify(want)} (10 s); they stand ${JSON.stringify(seen)}`);
}

/** Runs in the page: whether the element a key names (exactly one) is marked, and how it shows. */
export function blockInPage(key) {
  const found = document.querySelectorAll(key);
  if (found.length !== 1) return { found: found.length };
  const el = found[0];
  return {
    found: 1,
    mark: el.getAttribute('data-plainpage-removed'),
    saved: el.hasAttribute('data-plainpage-style'),
    display: getComputedStyle(el).display,
    outline: el.style.outlineStyle,
  };
}

/**
 * Two labels whose keys each name exactly one block, of different keys: one to restore, one to
 * keep on the site.
 */
export function twoUniqueLabels(labels) {
  const unique = labels.filter((l) => l.matches === 1 && l.marked === 1);
  const seen = new Set();
  const picked = [];
  for (const l of unique) {
    if (seen.has(l.key)) continue;
    seen.add(l.key);
    picked.push(l);
    if (picked.length === 2) break;
  }
  return picked;
}

/**
 * Runs in the page: scrolls to where the viewport shows the most labels (for the screenshot);
 * returns how many it shows.
 */
export function scrollToMostLabels() {
  const host = document.querySelector('plainpage-labels');
  const tops = [...host.shadowRoot.querySelectorAll('[data-category]')].map((l) => l.getBoundingClientRect().top + window.scrollY).sort((a, b) => a - b);
  let best = { y: 0, n: 0 };
  for (const top of tops) {
    const y = Math.max(0, top - 40);
    const n = tops.filter((t) => t >= y && t < y + window.innerHeight - 120).length;
    if (n > best.n) best = { y, n };
  }
  window.scrollTo(0, best.y);
  return best.n;
}

/** The engine's reader article for a page's HTML: its word count and text (the wasm module the extension runs). */
export async function engineArticle(html, url) {
  await loadEngine();
  const { wordCount, text } = engine.read(html, url, {}).article;
  return { wordCount, text };
}

/**
 * Runs in the page: how the labels' host computes, and for each label its category, key and
 * reason, its size and font size, and each button as drawn: brought into view, its computed
 * display, visibility, opacity and font size, its size, and whether a click at its centre lands
 * on it (the page's own elements and the other labels not over it). Written without closures so
 * both suites can send it as source.
 */
export function labelControlsInPage() {
  const host = document.querySelector('plainpage-labels');
  if (!host) return null;
  const style = getComputedStyle(host);
  const labels = [...host.shadowRoot.querySelectorAll('[data-category]')].map((label) => {
    const buttons = [...label.querySelectorAll('button')].map((b) => {
      b.scrollIntoView({ block: 'center', inline: 'center' });
      const r = b.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const s = getComputedStyle(b);
      return {
        text: b.textContent,
        display: s.display,
        visibility: s.visibility,
        opacity: s.opacity,
        fontSize: s.fontSize,
        width: r.width,
        height: r.height,
        onTop: document.elementFromPoint(x, y) === host && host.shadowRoot.elementFromPoint(x, y) === b,
      };
    });
    const r = label.getBoundingClientRect();
    return {
      category: label.dataset.category,
      key: label.dataset.key,
      reason: label.querySelector('.reason').textContent,
      fontSize: getComputedStyle(label).fontSize,
      width: r.width,
      height: r.height,
      buttons,
    };
  });
  window.scrollTo(0, 0);
  return {
    host: { display: style.display, visibility: style.visibility, opacity: style.opacity, zoom: style.zoom, transform: style.transform, position: style.position },
    labels,
  };
}

/** One line per label: what it says and how big it is drawn (sorted, so two pages' labels compare). */
const labelSizes = (labels) => labels.map((l) => `${l.category}|${l.key}|${l.reason}|${Math.round(l.width)}×${Math.round(l.height)}`).sort();

/**
 * The labels on the page with the hostile style sheet (`seen`, from labelControlsInPage) against
 * those on the same page without it (`plain`, from labelsInPage): the same labels at the same
 * size, at 12 px, each with both buttons shown at 11 px and on top where a click lands.
 */
export function assertLabelsWithstand(seen, plain, where) {
  assert.ok(seen, `${where}: no labels' host in the page`);
  assert.deepEqual(seen.host, { display: 'block', visibility: 'visible', opacity: '1', zoom: '1', transform: 'none', position: 'absolute' }, `${where}: the page's style sheet reaches the labels' host`);
  assert.equal(seen.labels.length, plain.length, `${where}: not one label per removed block`);
  assert.deepEqual(labelSizes(seen.labels), labelSizes(plain), `${where}: the labels are not drawn as on the page without the hostile style sheet`);
  for (const l of seen.labels) {
    const what = `${where}: the ${l.category} label ${l.key}`;
    assert.equal(l.fontSize, '12px', `${what} is at ${l.fontSize}`);
    assert.ok(l.width >= 200 && l.height > 0 && l.height < 120, `${what} is drawn ${l.width} × ${l.height} px`);
    assert.deepEqual(l.buttons.map((b) => b.text), ['Restore', 'Always keep on this site'], `${what}: its buttons`);
    for (const b of l.buttons) {
      const button = `${what}: its ${b.text} button (${JSON.stringify(b)})`;
      assert.notEqual(b.display, 'none', button);
      assert.deepEqual([b.visibility, b.opacity, b.fontSize], ['visible', '1', '11px'], button);
      assert.ok(b.width >= 30 && b.height >= 12 && b.height < 40, `${button}: drawn at the wrong size`);
      assert.ok(b.onTop, `${button}: a click at its centre does not land on it`);
    }
  }
}

/**
 * Runs in the page: brings label `index` of "Show removed" into view and says where, in a
 * screenshot of the viewport (device pixels), its left border and its Restore button's face are.
 */
export function labelPaintPoints(index) {
  const host = document.querySelector('plainpage-labels');
  const label = host.shadowRoot.querySelectorAll('[data-category]')[index];
  label.scrollIntoView({ block: 'center', inline: 'center' });
  const r = label.getBoundingClientRect();
  const b = label.querySelector('[data-action="restore"]').getBoundingClientRect();
  const dpr = window.devicePixelRatio;
  return {
    category: label.dataset.category,
    key: label.dataset.key,
    // The middle of the 2 px border, halfway down; the button's left padding, halfway down.
    border: [(r.left + 1) * dpr, (r.top + r.height / 2) * dpr],
    button: [(b.left + 3) * dpr, (b.top + b.height / 2) * dpr],
  };
}

const hex = (colour) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const near = (seen, want) => seen.every((v, i) => Math.abs(v - want[i]) <= 12);

/**
 * A label is painted, not only laid out: in the screenshot (lib/png.mjs readPng) its border has
 * its category's colour (applier.js COLOURS) and its Restore button its own grey face.
 */
export function assertLabelPainted(png, points, where) {
  const colour = hex(applierColours()[points.category]);
  const at = ([x, y]) => png.pixel(Math.floor(x), Math.floor(y));
  const what = `${where}: the ${points.category} label ${points.key}`;
  assert.ok(near(at(points.border), colour), `${what}: its border is not painted (rgb ${at(points.border)} where ${colour} should be)`);
  assert.ok(near(at(points.button), hex('#f2f2f2')), `${what}: its Restore button is not painted (rgb ${at(points.button)} where the button's grey should be)`);
}

/**
 * Every label is painted: for each label, last first (a label scrolled to may cover an earlier
 * one), its paint points (`pointsOf(i)`, from labelPaintPoints in the page) are checked in a
 * fresh screenshot (`screenshot()`, a PNG buffer); the first label's screenshot is kept as
 * `shot`. Either driver supplies the two calls.
 */
export async function assertLabelsPainted(count, { pointsOf, screenshot }, where, shot) {
  for (let i = count - 1; i >= 0; i--) {
    const points = await pointsOf(i);
    const png = await screenshot();
    assertLabelPainted(readPng(png), points, where);
    if (i === 0) writeFileSync(shot, png);
  }
}
