// "Why each block went" (issue 14, item 4), shared by both browsers' suites: what the engine
// removes from a page and why (the same wasm module as the extension, run in node), what the
// labels of "Show removed" say (read in the page, through the labels' open shadow root), and
// the marks on the page's blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './pages.mjs';

const PKG = join(ROOT, 'www', 'pkg');
let engine = null;

/** The engine's removals for a page's HTML ({ category, reason } in document order). */
export async function engineRemovals(html, url) {
  if (!engine) {
    engine = await import(join(PKG, 'plainpage.js'));
    await engine.default({ module_or_path: readFileSync(join(PKG, 'plainpage_bg.wasm')) });
  }
  return engine.analyze(html, url, {}).verdict.removals.map(({ category, reason }) => ({ category, reason }));
}

/** The extension's category colours (applier.js COLOURS, the one table), as computed `rgb(…)` values. */
export function categoryColours() {
  const context = { globalThis: {} };
  context.globalThis = context;
  vm.runInNewContext(readFileSync(join(ROOT, 'extension', 'applier.js'), 'utf8'), context);
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  return Object.fromEntries(Object.entries(context.PlainPageApplier.COLOURS).map(([c, hex]) => [c, rgb(hex)]));
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
