// extension/applier.js on its own, in Chromium: the content script's mirror of the wasm
// applier must keep its contract. The seed page is served from 127.0.0.1, its live DOM is
// serialized, the verdict is made in node by the same wasm module (www/pkg), and applied in the
// page; restore gives back the page byte for byte, and so does unchangedHTML (from a copy, the
// live page left cleaned); verdicts that do not fit, or that would hide
// <body> or the article, are refused with nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { TestServer } from './lib/server.mjs';
import { ROOT, SHARED, fold, needShared, seed } from './lib/pages.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = (
  process.env.CHROMIUM_FLAGS ||
  '--no-sandbox --headless=new --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-dev-shm-usage'
).split(/\s+/).filter(Boolean);
const PKG = join(ROOT, 'www', 'pkg');

let server;
let browser;
let engine;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: ./build.sh test installs Debian's chromium`);
  if (!existsSync(join(PKG, 'plainpage_bg.wasm'))) throw new Error('www/pkg is not built: run ./build.sh first');
  needShared();
  engine = await import(join(PKG, 'plainpage.js'));
  await engine.default({ module_or_path: readFileSync(join(PKG, 'plainpage_bg.wasm')) });
  server = await new TestServer(SHARED).start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, `--proxy-server=http://127.0.0.1:${server.port}`], headless: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function seedPage() {
  const page = await browser.newPage();
  await page.goto(server.url('seed'));
  // The page's CSP allows no inline script; evaluate goes through the DevTools protocol.
  await page.evaluate(readFileSync(join(ROOT, 'extension', 'applier.js'), 'utf8'));
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const { verdict } = engine.analyze(html, server.url('seed'), {});
  return { page, verdict };
}

test('applier.js hides the verdict in the live page, outlines it, and restores it byte for byte', async () => {
  const { page, verdict } = await seedPage();
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const applied = await page.evaluate((v) => PlainPageApplier.applyVerdict(document, v, 'hide'), verdict);
  assert.equal(applied.applied, verdict.removals.length);
  assert.equal(applied.unlockedScroll, verdict.unlock_scroll);
  const text = fold(await page.evaluate(() => document.body.innerText));
  for (const phrase of seed.chromePhrases()) assert.ok(!text.includes(phrase), `still visible: ${phrase}`);
  for (const p of seed.paragraphs()) assert.ok(text.includes(p), `article paragraph hidden: ${p.slice(0, 50)}…`);
  const marks = await page.$$eval('[data-plainpage-removed]', (els) => els.map((e) => e.dataset.plainpageRemoved));
  assert.deepEqual(marks, verdict.removals.map((r) => r.category));

  await page.evaluate((v) => PlainPageApplier.applyVerdict(document, v, 'outline'), verdict);
  const outlined = fold(await page.evaluate(() => document.body.innerText));
  for (const phrase of seed.chromePhrases()) assert.ok(outlined.includes(phrase), `outline mode hides: ${phrase}`);

  assert.equal(await page.evaluate(() => PlainPageApplier.restore(document)), verdict.removals.length);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'restore left the page changed');
  await page.close();
});

test('applier.js unchangedHTML: the page as it was before cleaning, from a copy; what the site hid stays hidden', async () => {
  const { page, verdict } = await seedPage();
  // The site's own inline styles: one on a block the verdict hides, one hiding another element.
  await page.evaluate((ordinal) => {
    const all = document.querySelectorAll('*');
    all[ordinal].setAttribute('style', 'color: red');
    document.querySelector('article p').setAttribute('style', 'display: none');
  }, verdict.removals[0].ordinal);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(await page.evaluate(() => PlainPageApplier.unchangedHTML(document)), before, 'an uncleaned page is serialized as it is');
  await page.evaluate((v) => PlainPageApplier.applyVerdict(document, v, 'hide'), verdict);
  await page.evaluate(() => PlainPageApplier.unlockScroll(document));
  const cleaned = await page.evaluate(() => document.documentElement.outerHTML);
  assert.notEqual(cleaned, before);
  assert.equal(await page.evaluate(() => PlainPageApplier.unchangedHTML(document)), before, 'unchangedHTML is not the page before cleaning');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), cleaned, 'unchangedHTML changed the live page');
  await page.close();
});

test('applier.js refuses verdicts that do not fit or would hide the page frame or the article, changing nothing', async () => {
  const { page, verdict } = await seedPage();
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const refusal = (v) => page.evaluate((x) => {
    try {
      PlainPageApplier.applyVerdict(document, x, 'hide');
      return null;
    } catch (error) {
      return error.message;
    }
  }, v);
  const forged = (change) => {
    const v = structuredClone(verdict);
    change(v);
    return v;
  };
  const cases = [
    [forged((v) => { v.elements += 1; }), /does not fit/],
    [forged((v) => { v.removals[0].tag = 'table'; }), /<table>/],
    [forged((v) => { v.removals[0].ordinal = 100000; }), /100000/],
    [forged((v) => { v.removals[0] = { ...v.removals[0], ordinal: 0, tag: 'html' }; }), /never hides/],
  ];
  const bodyOrdinal = await page.evaluate(() => [...document.querySelectorAll('*')].indexOf(document.body));
  cases.push([forged((v) => { v.removals[0] = { ...v.removals[0], ordinal: bodyOrdinal, tag: 'body' }; }), /<body>/]);
  if (verdict.article !== null) {
    const parent = await page.evaluate((n) => {
      const all = [...document.querySelectorAll('*')];
      const p = all[n].parentElement;
      return { ordinal: all.indexOf(p), tag: p.localName };
    }, verdict.article);
    if (parent.tag !== 'body') cases.push([forged((v) => { v.removals[0] = { ...v.removals[0], ...parent }; }), /holds the article/]);
  }
  for (const [v, expected] of cases) {
    const message = await refusal(v);
    assert.match(message ?? 'applied', expected);
    assert.match(message, /nothing was changed/);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, `a refused verdict changed the page (${message})`);
  }
  // A change the count and the tags at removed ordinals cannot see: an empty element with the
  // first removed block's tag inserted just before it, and the block's last element taken out.
  // Without the fingerprint check the decoy would be hidden and the block left showing.
  const decoyed = await page.evaluate((ordinal) => {
    const block = document.querySelectorAll('*')[ordinal];
    [...block.querySelectorAll('*')].pop().remove();
    const decoy = document.createElement(block.localName);
    block.before(decoy);
    return document.querySelectorAll('*')[ordinal] === decoy;
  }, verdict.removals[0].ordinal);
  assert.ok(decoyed, 'the decoy took the block\'s ordinal');
  const changed = await page.evaluate(() => document.documentElement.outerHTML);
  for (const [v, expected] of [[verdict, /not the same ones in the same order/]]) {
    const message = await refusal(v);
    assert.match(message ?? 'applied', expected);
    assert.match(message, /nothing was changed/);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), changed, `a refused verdict changed the page (${message})`);
  }
  await page.close();
});

test('applier.js adds a fragment verdict (ordinals from the subtree root) to what is applied', async () => {
  const { page, verdict } = await seedPage();
  await page.evaluate((v) => PlainPageApplier.applyVerdict(document, v, 'hide'), verdict);
  const gateHtml = await page.evaluate(() => {
    const gate = document.createElement('div');
    gate.id = 'late';
    gate.innerHTML = '<h2>Subscribe to keep reading</h2><p>Sign up now for unlimited access.</p><button>Subscribe now</button> <a href="/signin">Already a member? Sign in</a>';
    document.body.append(gate);
    return gate.outerHTML;
  });
  const fragment = engine.analyzeFragment(gateHtml, server.url('seed'), {}).verdict;
  assert.ok(fragment.removals.length > 0, 'the gate is judged chrome');
  const applied = await page.evaluate((v) => PlainPageApplier.applyFragmentVerdict(document.getElementById('late'), v, 'hide'), fragment);
  assert.equal(applied.applied, fragment.removals.length);
  const hidden = await page.$$eval('[data-plainpage-removed]', (els) => els.length);
  assert.equal(hidden, verdict.removals.length + fragment.removals.length, 'the page verdict stays applied');
  await page.close();
});

test('applier.js choices: `keep` leaves blocks alone, `only` outlines one category and hides the rest, restoreBlock brings back one block, restore is byte for byte', async () => {
  const { page, verdict } = await seedPage();
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const categories = [...new Set(verdict.removals.map((r) => r.category))];
  const only = categories[0];
  const keepOrdinal = verdict.removals.at(-1).ordinal;
  const result = await page.evaluate(({ v, only, keepOrdinal }) => {
    const all = document.querySelectorAll('*');
    const marked = [];
    const applied = PlainPageApplier.applyVerdict(document, v, 'outline', {
      only,
      keep: (el) => el === all[keepOrdinal],
      marked: (el, removal, outlined) => marked.push([removal.ordinal, removal.category, outlined]),
    });
    const shown = [...document.querySelectorAll('[data-plainpage-removed]')].map((el) => [el.getAttribute('data-plainpage-removed'), el.style.outlineStyle, el.style.display]);
    return { applied, marked, shown, keptMarked: all[keepOrdinal].hasAttribute('data-plainpage-removed') };
  }, { v: verdict, only, keepOrdinal });
  assert.equal(result.applied.kept, 1);
  assert.equal(result.applied.applied, verdict.removals.length - 1);
  assert.equal(result.keptMarked, false, 'the kept block is not marked');
  assert.equal(result.marked.length, verdict.removals.length - 1, 'marked() hears of every block marked');
  for (const [, category, outlined] of result.marked) assert.equal(outlined, category === only);
  for (const [category, outline, display] of result.shown) {
    if (category === only) assert.deepEqual([outline, display], ['dashed', ''], `${category} is outlined`);
    else assert.deepEqual([outline, display], ['', 'none'], `${category} is hidden while only ${only} is outlined`);
  }
  // One block back, then every block back: the page as it was.
  const one = verdict.removals[0].ordinal;
  assert.equal(await page.evaluate((o) => PlainPageApplier.restoreBlock(document.querySelectorAll('*')[o]), one), true);
  assert.equal(await page.evaluate((o) => document.querySelectorAll('*')[o].hasAttribute('data-plainpage-removed'), one), false);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-plainpage-removed]').length), verdict.removals.length - 2);
  // The extension's own elements (the labels' host) are not part of the page as it was.
  const unchanged = await page.evaluate(() => {
    const host = document.createElement('plainpage-labels');
    host.setAttribute(PlainPageApplier.UI, '');
    document.documentElement.append(host);
    const html = PlainPageApplier.unchangedHTML(document);
    host.remove();
    return html;
  });
  assert.equal(unchanged, before, 'unchangedHTML leaves out the labels\' host');
  await page.evaluate(() => PlainPageApplier.restore(document));
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'restore left the page changed');
  await page.close();
});
