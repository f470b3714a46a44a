// What the e2e tests load and expect: the seed page (its article paragraphs and chrome phrases)
// and corpus pages (a sentence of each article, from expected.html), all read from ../shared.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SHARED = resolve(process.env.PLAINPAGE_SHARED || join(ROOT, '..', 'shared'));
export const ARTIFACTS = join(ROOT, 'artifacts');

/** Five corpus pages: the largest (yahoo-3), a right-to-left one, and three news sites. */
export const CORPUS_PAGES = ['yahoo-3', 'rtl-1', 'bbc-1', 'nytimes-1', 'medium-1'];
export const LARGEST = 'yahoo-3';
/**
 * A page whose reader article changed when the reader read the cleaned page (issue 14, item 5):
 * with the blocks cleaning hides out of the way, the engine chooses a wider root (the video
 * player's menus and a list of other stories around the story), some 1,975 words instead of the
 * story's 498. The reader must read the page as it was before cleaning, so the article is the
 * same either way; both suites check that, and that the page still needs it (read from the
 * cleaned page as it is, the engine's article is markedly different: lib/reader.mjs
 * assertSameArticle).
 */
export const CLEANING_CHANGED_READER = 'yahoo-3';

export function needShared() {
  const seed = join(SHARED, 'seed', 'inkl-article.html');
  if (!existsSync(seed)) throw new Error(`the shared test data is missing: ${seed} (set PLAINPAGE_SHARED)`);
  for (const name of CORPUS_PAGES) {
    const file = join(SHARED, 'corpus', 'readability', name, 'source.html');
    if (!existsSync(file)) throw new Error(`corpus page missing: ${file}`);
  }
}

export const fold = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads `read()` until `accept(value)` holds or `timeout` ms have passed, and returns the last
 * value read, for the assertion after it (which then reports what was there if it never came).
 * For a state that a status or a status line announces a moment before it is there.
 */
export async function settled(read, accept, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Where two texts part: the index of the first character that differs, with a few words from each. */
export function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `${i} ("${a.slice(i, i + 60)}…" vs "${b.slice(i, i + 60)}…")`;
}

function lines(file) {
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

export const seed = {
  title: JSON.parse(readFileSync(join(SHARED, 'seed', 'expected-metadata.json'), 'utf8')).title,
  paragraphs: () => lines(join(SHARED, 'seed', 'expected-article.txt')),
  chromePhrases: () => lines(join(SHARED, 'seed', 'chrome-phrases.txt')),
};

const decode = (s) =>
  s.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)));

/** A sentence from the article: the start of the first long paragraph of expected.html. */
export function articleSentence(name) {
  const html = readFileSync(join(SHARED, 'corpus', 'readability', name, 'expected.html'), 'utf8');
  for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
    const text = fold(decode(m[1].replace(/<[^>]+>/g, '')));
    if (text.length >= 120) return text.slice(0, 60).trim();
  }
  throw new Error(`no long paragraph in ${name}/expected.html`);
}

export function pageSize(name) {
  return statSync(join(SHARED, 'corpus', 'readability', name, 'source.html')).size;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
