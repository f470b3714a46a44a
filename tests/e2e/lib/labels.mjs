// Clean-mode label files (tests/data/labels/README.md), read as src/eval/clean.rs reads them:
// one block per line, `remove CATEGORY SELECTOR`, `may CATEGORY SELECTOR` or `keep KIND SELECTOR`;
// a line starting with `#` is a comment (a `#` later in a line belongs to the selector: `#comments`).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The categories, from the one table (COLOURS in extension/applier.js, run in a node vm). */
export const CATEGORIES = (() => {
  const context = {};
  context.globalThis = context;
  const applier = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'extension', 'applier.js');
  vm.runInNewContext(readFileSync(applier, 'utf8'), context);
  return [...context.PlainPageApplier.CATEGORIES];
})();
export const KEEP_KINDS = ['header', 'body', 'masthead', 'nav', 'comments', 'main'];

/**
 * The label lines of a file as { file, line, verb, category, selector, text }: `line` counts from
 * 1, `category` is the kind for `keep`, `text` is the line as written (for messages). A line that
 * is none of the three forms throws, naming the file and the line.
 */
export function parseLabels(source, file = 'labels') {
  const labels = [];
  source.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    const m = text.match(/^(\S+)\s+(\S+)\s+(\S.*)$/);
    if (!m) throw new Error(`${where}: expected "remove|may|keep WHAT SELECTOR": ${text}`);
    const [, verb, category, selector] = m;
    if (!['remove', 'may', 'keep'].includes(verb)) throw new Error(`${where}: unknown verb "${verb}": ${text}`);
    const known = verb === 'keep' ? KEEP_KINDS : CATEGORIES;
    if (!known.includes(category)) throw new Error(`${where}: unknown ${verb === 'keep' ? 'kind' : 'category'} "${category}": ${text}`);
    labels.push({ file, line: i + 1, verb, category, selector: selector.replace(/\s+/g, ' '), text });
  });
  return labels;
}

/** A label file read from disk; messages name it by its file name. */
export function readLabels(path) {
  return parseLabels(readFileSync(path, 'utf8'), basename(path));
}
