// extension/applier.js, the one verdict applier (the content script, the playground and the
// in-browser benchmark run it), held to its contract by a table of cases run in headless
// Chromium (playwright-core) and headless Firefox (geckodriver). The seed page is served from
// 127.0.0.1 with the e2e tests' strict CSP; verdicts are made in node by the same wasm module
// (www/pkg) from the page's own serialization. Each case is data for lib/applier-harness.js,
// which runs it in the page: the document (the page, a DOMParser document, a frame's), what the
// site does first, then steps; the checks here read what each step reported. Every refusal
// must say why, say "nothing was changed", and leave outerHTML byte for byte as it was, with
// and without an earlier application on the page; every application must be undone by restore
// byte for byte.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../browsers/chromium.mjs';
import { Firefox, proxyPrefs } from '../browsers/firefox.mjs';
import { loadEngine } from '../browsers/engine.mjs';
import { TestServer } from './lib/server.mjs';
import { ROOT, SHARED, needShared, seed } from './lib/pages.mjs';

const APPLIER = readFileSync(join(ROOT, 'extension', 'applier.js'), 'utf8');
const HARNESS = readFileSync(join(ROOT, 'tests', 'e2e', 'lib', 'applier-harness.js'), 'utf8');
/** The playground's own sample: a page other than the seed. */
const OTHER_PAGE = readFileSync(join(ROOT, 'www', 'samples', 'harbour-gazette.html'), 'utf8');
/** The filter-rule test page and list (one rule of each kind), as tests/filters.rs uses them. */
const FILTER_PAGE = readFileSync(join(ROOT, 'tests', 'data', 'filters', 'page.html'), 'utf8');
const FILTER_RULES = readFileSync(join(ROOT, 'tests', 'data', 'filters', 'rules.txt'), 'utf8');
/** <noscript> contents are elements in a DOMParser document (scripting off): they get no ordinal. */
const NOSCRIPT_PAGE = '<!DOCTYPE html><html><head><title>t</title></head><body>'
  + '<noscript><div class="promo"><p>Enable JavaScript</p><noscript><b>x</b></noscript></div></noscript>'
  + '<article><h1>Harbour works begin</h1><p>The council said on Monday that the harbour wall '
  + 'would be rebuilt over the winter, with the work done in stages so that boats can still '
  + 'land, and the fish market stays open throughout.</p><p>Residents asked for a public '
  + 'meeting, and the council agreed to hold one in March, once the first stage is finished '
  + 'and the cost of the second is known.</p></article>'
  + '<div class="newsletter"><p>Sign up for our newsletter</p><form><input type="email">'
  + '<button>Subscribe</button></form></div></body></html>';
/** A subscription gate a page script adds after load. */
const GATE = '<div id="late"><h2>Subscribe to keep reading</h2><p>Sign up now for unlimited access.</p>'
  + '<button>Subscribe now</button> <a href="/signin">Already a member? Sign in</a></div>';

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const forge = (verdict, change) => {
  const v = structuredClone(verdict);
  change(v);
  return v;
};

// ---- the table ----------------------------------------------------------------------------------

/**
 * A refusal: after `prior` steps (an earlier application, a change to the page), applying the
 * verdict (or calling as `step` says) throws an error matching every pattern of `says` and
 * "nothing was changed", and the page is byte for byte as before the call.
 */
function refusal(name, { prior = () => [], step, says }) {
  return {
    name,
    spec: (ctx) => ({ steps: [...prior(ctx), step(ctx)] }),
    check(out) {
      const last = out.steps.at(-1);
      const before = out.steps.at(-2) ?? out.start;
      assert.ok(last.error, `applied instead of refused: ${JSON.stringify(last.result)}`);
      for (const pattern of [...says, /nothing was changed/]) assert.match(last.error, pattern);
      assert.equal(last.html, before.html, `a refused call changed the page (${last.error})`);
      for (const s of out.steps.slice(0, -1)) assert.equal(s.error, null, `a step before the refusal failed: ${s.error}`);
    },
  };
}

/** The same refusal on a fresh page and over an earlier application (which must stay as it was). */
function refusals(name, { change, verdict, mode, says }) {
  return [false, true].map((appliedBefore) => refusal(`${name}${appliedBefore ? ', over an earlier application' : ''}`, {
    prior: (ctx) => [
      ...(appliedBefore ? [{ do: 'apply', verdict: ctx.genuine }] : []),
      ...(change ? [{ do: 'change', change }] : []),
    ],
    step: (ctx) => ({ do: 'apply', verdict: verdict ? verdict(ctx) : ctx.genuine, ...(mode === undefined ? {} : { mode }) }),
    says,
  }));
}

/** Removals aimed at a symbolic target (resolved in the page), alone and after every genuine one. */
function forgedTargets(label, target, says) {
  const removal = { target: target.target, up: target.up ?? 0, category: 'subscribe' };
  return [
    ...refusals(`a forged verdict hiding ${label} alone is refused`, { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals = [removal]; }), says }),
    ...refusals(`a forged verdict hiding ${label} after the genuine removals is refused whole`, {
      verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals.push(removal); }),
      says,
    }),
  ];
}

const CASES = [
  {
    name: 'hide: every chrome phrase gone, every paragraph kept, marks follow the verdict, scrolling unlocked; outline shows all; restore is byte for byte',
    spec: (ctx) => ({ steps: [{ do: 'apply', verdict: ctx.genuine, mode: 'hide' }, { do: 'apply', verdict: ctx.genuine, mode: 'outline' }, { do: 'restore' }] }),
    check(out, ctx) {
      const [hide, outline, restore] = out.steps;
      for (const phrase of seed.chromePhrases()) assert.ok(out.start.text.includes(phrase), `the seed should show ${phrase}`);
      assert.equal(hide.error, null);
      assert.deepEqual(hide.result, { applied: ctx.genuine.removals.length, kept: 0, mode: 'hide', unlockedScroll: true });
      assert.equal(ctx.genuine.unlockScroll, true, "the seed's sticky offer may lock scrolling");
      assert.match(hide.bodyStyle ?? '', /overflow-y: auto !important/);
      for (const phrase of seed.chromePhrases()) assert.ok(!hide.text.includes(phrase), `still visible: ${phrase}`);
      for (const p of seed.paragraphs()) assert.ok(hide.text.includes(p), `article paragraph hidden: ${p.slice(0, 50)}…`);
      assert.deepEqual(hide.marks.map((m) => [m.ordinal, m.category]), ctx.genuine.removals.map((r) => [r.ordinal, r.category]));
      for (const m of hide.marks) assert.equal(m.display, 'none');

      assert.equal(outline.error, null);
      assert.equal(outline.result.unlockedScroll, false);
      assert.equal(outline.bodyStyle, null, 'outline mode leaves scrolling as it was');
      for (const phrase of seed.chromePhrases()) assert.ok(outline.text.includes(phrase), `outline mode hides ${phrase}`);
      for (const m of outline.marks) {
        assert.equal(m.outline, 'dashed');
        assert.equal(m.display, '');
        assert.equal(m.outlineColor, rgb(ctx.COLOURS[m.category]), `${m.category} outline colour`);
      }

      assert.equal(restore.result, ctx.genuine.removals.length);
      assert.equal(restore.html, out.start.html, 'restore left the page changed');
      assert.equal(restore.text, out.start.text);
    },
  },
  {
    name: "a block's own style is kept and restored exactly (a DOMParser document); applying again replaces; restoring twice restores nothing",
    spec: (ctx) => ({
      doc: 'parsed',
      html: ctx.seedSource,
      setup: ['own-style'],
      steps: [{ do: 'apply', verdict: ctx.genuine }, { do: 'apply', verdict: ctx.genuine }, { do: 'restore' }, { do: 'restore' }],
    }),
    check(out, ctx) {
      const [first, again, restore, twice] = out.steps;
      const block = first.marks.find((m) => m.ordinal === ctx.genuine.removals[0].ordinal);
      // Where the page's CSP ignores inline styles (Chromium gives a DOMParser document its
      // creator's policy), the block's declarations are not in its CSSOM: only the mark is.
      assert.match(block.style, /display: none !important/);
      assert.equal(again.html, first.html, 'applying twice stacked on the first application');
      assert.equal(restore.html, out.start.html);
      assert.match(restore.html, /style="color:red;  display :grid"/, 'the block\'s own style attribute is not back as written');
      assert.equal(twice.result, 0);
    },
  },
  ...['own-style', 'script-style'].map((setup) => ({
    name: setup === 'own-style'
      ? "a block's own style attribute, which the page's CSP ignores: hide, hide again, outline and restore show and hide it as they should, and restore is byte for byte"
      : "a display the site's script set through the CSSOM (as a CSP allows) survives hide, hide again, outline and restore",
    spec: (ctx) => ({
      setup: [setup],
      steps: [
        { do: 'apply', verdict: ctx.genuine },
        { do: 'apply', verdict: ctx.genuine },
        { do: 'apply', verdict: ctx.genuine, mode: 'outline' },
        { do: 'restore' },
      ],
    }),
    check(out) {
      const shown = out.start.first.display;
      assert.notEqual(shown, 'none');
      if (setup === 'script-style') assert.equal(shown, 'flex');
      const [hide, again, outline, restore] = out.steps;
      for (const s of out.steps) assert.equal(s.error, null);
      assert.equal(hide.first.display, 'none');
      assert.equal(again.first.display, 'none');
      assert.deepEqual(outline.first, { display: shown, outline: 'dashed' }, 'outline mode left the block hidden, or lost its display');
      assert.deepEqual(restore.first, out.start.first, 'restore left the block hidden, or lost its display');
      assert.equal(restore.html, out.start.html);
    },
  })),
  {
    name: 'a document from another realm (a frame, as the benchmark applies to) is cleaned and restored',
    spec: (ctx) => ({ doc: 'frame', html: ctx.seedSource, steps: [{ do: 'apply', verdict: ctx.genuine }, { do: 'restore' }] }),
    check(out, ctx) {
      const [apply, restore] = out.steps;
      assert.equal(apply.error, null);
      assert.equal(apply.result.applied, ctx.genuine.removals.length);
      for (const phrase of seed.chromePhrases()) assert.ok(!apply.text.includes(phrase), `still visible in the frame: ${phrase}`);
      assert.equal(restore.html, out.start.html);
    },
  },
  {
    name: '<noscript> contents get no ordinal (a DOMParser document, scripting off)',
    spec: (ctx) => ({ doc: 'parsed', html: NOSCRIPT_PAGE, steps: [{ do: 'apply', verdict: ctx.noscript }, { do: 'restore' }] }),
    check(out, ctx) {
      const [apply, restore] = out.steps;
      assert.equal(apply.error, null);
      assert.ok(ctx.noscript.removals.length > 0, 'the newsletter box is judged chrome');
      assert.equal(apply.marks.length, ctx.noscript.removals.length);
      for (const m of apply.marks) assert.notEqual(m.tag, 'b', 'a <noscript> child was counted');
      assert.equal(restore.html, out.start.html);
    },
  },
  {
    name: 'compiled filter rules: the matched blocks are marked, the excepted and the protected are not',
    spec: (ctx) => ({
      doc: 'parsed',
      html: FILTER_PAGE,
      query: ['.promo-banner-x', '#nag-box', 'aside.site-box', 'p.note', '.kept-box', '.prose-x'],
      steps: [{ do: 'apply', verdict: ctx.rules }, { do: 'restore' }],
    }),
    check(out) {
      const [apply, restore] = out.steps;
      assert.equal(apply.error, null);
      assert.deepEqual(apply.queried, {
        '.promo-banner-x': true, '#nag-box': true, 'aside.site-box': true, 'p.note': true, '.kept-box': false, '.prose-x': false,
      });
      assert.equal(restore.html, out.start.html);
    },
  },
  {
    name: 'a fragment verdict (ordinals from the subtree root) adds to what is applied; the same fragment again marks nothing more',
    spec: (ctx) => ({
      steps: [
        { do: 'apply', verdict: ctx.genuine },
        { do: 'change', change: 'add-gate' },
        { do: 'fragment', root: '#late', verdict: ctx.gate },
        { do: 'fragment', root: '#late', verdict: ctx.gate },
        { do: 'restore' },
      ],
    }),
    check(out, ctx) {
      const [, added, fragment, again, restore] = out.steps;
      assert.ok(ctx.gate.removals.length > 0, 'the gate is judged chrome');
      assert.equal(fragment.error, null);
      assert.equal(fragment.result.applied, ctx.gate.removals.length);
      assert.equal(fragment.marks.length, ctx.genuine.removals.length + ctx.gate.removals.length, 'the page verdict stays applied');
      assert.ok(!fragment.text.includes('Sign up now for unlimited access.'), "the gate's offer still shows");
      assert.equal(again.error, null);
      assert.equal(again.result.applied, 0, 'an already-marked block was counted again');
      assert.equal(again.html, fragment.html, 'marking a block twice changed it');
      // The gate went in at the end of <body>: restore gives the page as it was, plus the gate.
      const end = out.start.html.lastIndexOf('</body>');
      assert.equal(restore.html, `${out.start.html.slice(0, end)}${GATE}${out.start.html.slice(end)}`, 'restore did not give back the page with the gate');
      assert.equal(restore.result, ctx.genuine.removals.length + ctx.gate.removals.length);
      assert.ok(added.marks.length > 0);
    },
  },
  {
    name: 'a block listed twice is marked once and restored byte for byte',
    spec: (ctx) => ({ steps: [{ do: 'apply', verdict: forge(ctx.genuine, (v) => v.removals.push({ ...v.removals[0] })) }, { do: 'restore' }] }),
    check(out, ctx) {
      const [apply, restore] = out.steps;
      assert.equal(apply.error, null);
      assert.equal(apply.result.applied, ctx.genuine.removals.length);
      assert.equal(apply.marks.length, ctx.genuine.removals.length);
      assert.equal(restore.result, ctx.genuine.removals.length);
      assert.equal(restore.html, out.start.html);
    },
  },
  {
    name: 'choices: `keep` leaves a block alone, `only` outlines one category and hides the rest, restoreBlock brings one back, unchangedHTML leaves out the labels host, restore is byte for byte',
    spec: (ctx) => ({
      steps: [
        { do: 'apply', verdict: ctx.genuine, mode: 'outline', only: ctx.genuine.removals[0].category, keepOrdinal: ctx.genuine.removals.at(-1).ordinal, record: true },
        { do: 'restore-block', ordinal: ctx.genuine.removals[0].ordinal },
        { do: 'change', change: 'add-ui-host' },
        { do: 'unchanged-html' },
        { do: 'change', change: 'remove-ui-host' },
        { do: 'restore' },
      ],
    }),
    check(out, ctx) {
      const [apply, restoreBlock, , unchanged, , restore] = out.steps;
      const only = ctx.genuine.removals[0].category;
      const n = ctx.genuine.removals.length;
      assert.equal(apply.error, null);
      assert.equal(apply.result.kept, 1);
      assert.equal(apply.result.applied, n - 1);
      assert.ok(!apply.marks.some((m) => m.ordinal === ctx.genuine.removals.at(-1).ordinal), 'the kept block is marked');
      assert.equal(apply.marked.length, n - 1, 'marked() hears of every block marked');
      for (const [, category, outlined] of apply.marked) assert.equal(outlined, category === only);
      for (const m of apply.marks) {
        if (m.category === only) assert.deepEqual([m.outline, m.display], ['dashed', ''], `${m.category} is outlined`);
        else assert.deepEqual([m.outline, m.display], ['', 'none'], `${m.category} is hidden while only ${only} is outlined`);
      }
      assert.equal(restoreBlock.result, true);
      assert.equal(restoreBlock.marks.length, n - 2);
      assert.ok(!restoreBlock.marks.some((m) => m.ordinal === ctx.genuine.removals[0].ordinal));
      assert.equal(unchanged.result, out.start.html, "unchangedHTML is not the page as it was (or keeps the labels' host)");
      assert.equal(restore.html, out.start.html, 'restore left the page changed');
    },
  },
  {
    name: "unchangedHTML: the page as it was before cleaning, from a copy, the live page left cleaned; what the site hid stays hidden",
    spec: (ctx) => ({
      setup: ['own-style', 'site-hides-a-paragraph'],
      steps: [{ do: 'unchanged-html' }, { do: 'apply', verdict: ctx.genuine }, { do: 'unlock-scroll' }, { do: 'unchanged-html' }],
    }),
    check(out) {
      const [uncleaned, , unlocked, unchanged] = out.steps;
      assert.equal(uncleaned.result, out.start.html, 'an uncleaned page is serialized as it is');
      assert.notEqual(unlocked.html, out.start.html);
      assert.equal(unchanged.result, out.start.html, 'unchangedHTML is not the page before cleaning');
      assert.equal(unchanged.html, unlocked.html, 'unchangedHTML changed the live page');
    },
  },

  // Verdicts that do not fit the page.
  ...refusals('a verdict from another page is refused', { verdict: (ctx) => ctx.otherPage, says: [/does not fit/] }),
  ...refusals('a verdict for one element more is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.elements += 1; }), says: [/does not fit/, /elements/] }),
  ...refusals('a wrong tag at a removed ordinal is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].tag = 'table'; }), says: [/does not fit/, /<table>/] }),
  ...refusals('an ordinal past the end is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].ordinal = 100000; }), says: [/does not fit/, /100000/] }),
  ...refusals('an article past the end is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.article = 100000; }), says: [/does not fit/, /article/, /100000/] }),
  // The page changed between serializing and applying.
  ...refusals('an element shifted (same count, same tags at removed ordinals) is refused by the fingerprint', { change: 'shift', says: [/does not fit/, /not the same ones in the same order/] }),
  ...refusals('an element inserted since the page was serialized is refused', { change: 'insert', says: [/does not fit/, /elements/] }),
  ...refusals('an element removed since the page was serialized is refused', { change: 'remove-article-paragraph', says: [/does not fit/, /elements/] }),
  ...refusals('a removed block renamed since the page was serialized is refused', { change: 'rename', says: [/does not fit/, /<figure>/] }),
  ...refusals('a block with no inline style is refused before any genuine removal is applied', { change: 'styleless', says: [/no inline style/] }),
  // Forged verdicts: the page's frame and the article are never hidden.
  ...forgedTargets('<html>', { target: 'html' }, [/<html>/, /never hides/]),
  ...forgedTargets('<head>', { target: 'head' }, [/<head>/, /never hides/]),
  ...forgedTargets('<body>', { target: 'body' }, [/<body>/, /never hides/]),
  ...forgedTargets('the article root', { target: 'article' }, [/holds the article/]),
  ...forgedTargets("the article's parent", { target: 'article', up: 1 }, [/holds the article/]),
  ...forgedTargets("the article's grandparent", { target: 'article', up: 2 }, [/holds the article/]),
  ...refusals('an article block is protected as well as the article root', {
    verdict: (ctx) => forge(ctx.genuine, (v) => {
      v.article = null;
      v.articleBlocks = [{ target: 'article-child' }];
      v.removals = [{ target: 'article', category: 'subscribe' }];
    }),
    says: [/holds the article/],
  }),
  // Forged verdicts: the wrong shape.
  ...refusals('an unknown mode is refused, not taken for hide', { mode: 'erase', says: [/the mode must be "hide" or "outline"/, /"erase"/] }),
  ...refusals('an empty mode is refused', { mode: '', says: [/the mode must be "hide" or "outline"/] }),
  ...refusals('a null mode is refused', { mode: null, says: [/the mode must be "hide" or "outline"/, /null/] }),
  ...refusals('an unknown category is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].category = 'popups'; }), says: [/not a verdict/, /"popups"/, /subscribe, newsletter/] }),
  ...refusals('a missing category is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { delete v.removals.at(-1).category; }), says: [/not a verdict/, /category/] }),
  ...refusals('an ordinal given as a string is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].ordinal = String(v.removals[0].ordinal); }), says: [/not a verdict/, /not an element number/] }),
  ...refusals('a negative ordinal is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].ordinal = -1; }), says: [/not a verdict/, /-1/] }),
  ...refusals('a fractional ordinal is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.removals[0].ordinal += 0.5; }), says: [/not a verdict/, /not an element number/] }),
  ...refusals('a removal without a tag is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { delete v.removals[0].tag; }), says: [/not a verdict/, /no tag/] }),
  ...refusals('a verdict without a fingerprint is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { delete v.fingerprint; }), says: [/not a verdict/, /fingerprint/] }),
  ...refusals('a verdict whose article is not an element number is refused', { verdict: (ctx) => forge(ctx.genuine, (v) => { v.article = 'main'; }), says: [/not a verdict/, /article/] }),
  ...refusals('an empty object is refused', { verdict: () => ({}), says: [/not a verdict/] }),
  ...refusals('null is refused', { verdict: () => null, says: [/not a verdict/] }),
  refusal('applyVerdict needs a Document', { step: (ctx) => ({ do: 'apply', verdict: ctx.genuine, document: 'page' }), says: [/applyVerdict needs a Document/] }),
  refusal('restore needs a Document', { step: () => ({ do: 'restore', document: null }), says: [/restore needs a Document/] }),
  // Fragment verdicts are held to the same checks.
  refusal('a fragment verdict for another subtree is refused', {
    prior: () => [{ do: 'change', change: 'add-gate' }],
    step: (ctx) => ({ do: 'fragment', root: 'article', verdict: ctx.gate }),
    says: [/does not fit/],
  }),
  refusal('a fragment verdict with an unknown mode is refused', {
    prior: () => [{ do: 'change', change: 'add-gate' }],
    step: (ctx) => ({ do: 'fragment', root: '#late', verdict: ctx.gate, mode: 'erase' }),
    says: [/the mode must be "hide" or "outline"/],
  }),
  refusal('a fragment verdict with an unknown category is refused', {
    prior: () => [{ do: 'change', change: 'add-gate' }],
    step: (ctx) => ({ do: 'fragment', root: '#late', verdict: forge(ctx.gate, (v) => { v.removals[0].category = 'popups'; }) }),
    says: [/"popups"/],
  }),
  refusal('a fragment verdict needs an element', {
    step: (ctx) => ({ do: 'fragment', document: null, verdict: ctx.gate }),
    says: [/applyFragmentVerdict needs the element/],
  }),
];

// ---- the browsers -------------------------------------------------------------------------------

/** The script one case runs in the page: the applier, the harness, and the case. */
const caseScript = (spec) => `${APPLIER}\n${HARNESS}\nreturn applierCase(${JSON.stringify(spec)});`;

const BROWSERS = {
  async chromium(server) {
    const browser = await launchChromium({ proxyPort: server.port });
    const page = await browser.newPage();
    return {
      name: `Chromium ${browser.version()}`,
      open: (url) => page.goto(url),
      // DevTools evaluation: the page's CSP allows no inline script, and does not apply here.
      evaluate: (body) => page.evaluate(`(() => {\n${body}\n})()`),
      close: () => browser.close(),
    };
  },
  async firefox(server) {
    const ff = await Firefox.launch({ prefs: proxyPrefs(server.port) });
    return {
      name: `Firefox ${ff.version}`,
      open: (url) => ff.navigate(url),
      // WebDriver's script sandbox keeps nothing between calls: each call sends the whole script.
      evaluate: (body) => ff.execute(body),
      close: () => ff.quit(),
    };
  },
};

let server;
let engine;

before(async () => {
  needShared();
  engine = await loadEngine();
  server = await new TestServer(SHARED).start();
});

after(async () => {
  await server?.stop();
});

for (const which of Object.keys(BROWSERS)) {
  describe(`applier.js in ${which}`, () => {
    let browser;
    const ctx = {};

    before(async () => {
      browser = await BROWSERS[which](server);
      const url = server.url('seed');
      await browser.open(url);
      const html = await browser.evaluate('return document.documentElement.outerHTML;');
      const verdict = (source, pageUrl = url) => engine.analyze(source, pageUrl, {}).verdict;
      ctx.genuine = verdict(html);
      ctx.seedSource = server.source('seed');
      ctx.otherPage = verdict(OTHER_PAGE);
      ctx.noscript = verdict(NOSCRIPT_PAGE);
      ctx.gate = engine.analyzeFragment(GATE, url, {}).verdict;
      const rules = engine.compileRules([{ name: 'test-list', text: FILTER_RULES, category: 'subscribe' }]);
      ctx.rules = rules.analyze(FILTER_PAGE, 'https://www.example.com/story', {}).verdict;
      ctx.COLOURS = (await browser.evaluate(`${APPLIER}\nreturn globalThis.PlainPageApplier.COLOURS;`));
      assert.ok(ctx.genuine.removals.length >= 5, 'the seed has chrome to remove');
      assert.notEqual(ctx.genuine.article, null, 'the seed has an article');
    });

    after(async () => {
      await browser?.close();
    });

    for (const { name, spec, check } of CASES) {
      test(name, async () => {
        await browser.open(server.url('seed'));
        const out = await browser.evaluate(caseScript({ genuine: ctx.genuine, gate: GATE, ...spec(ctx) }));
        check(out, ctx);
      });
    }
  });
}
