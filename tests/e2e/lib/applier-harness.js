// The page side of tests/e2e/applier.test.mjs: runs one case of the applier's table in the page,
// after extension/applier.js (the test sends both sources in one script, so Chromium's DevTools
// evaluation and Firefox's WebDriver sandbox, which keeps nothing between calls, run the same
// thing). A case is data: the document to use, what the site does to it first (`setup`), then
// steps (apply a verdict, change the page, restore, …); each step reports its error or result,
// the document's outerHTML after it and the blocks marked. Verdicts may name their targets
// symbolically ({ target: 'body' }, { target: 'article', up: 2 }), resolved here against the
// document, so forged verdicts need no knowledge of the page on the test's side.
// Plain script, no exports: `applierCase(spec)` is its one entry.

/* exported applierCase */
function applierCase(spec) {
  const Applier = globalThis.PlainPageApplier;
  const fold = (text) => text.replace(/\s+/g, ' ').trim();

  /** The document the case runs on: the page itself, a DOMParser document, or a frame's. */
  function documentFor() {
    if (spec.doc === 'parsed') return new DOMParser().parseFromString(spec.html, 'text/html');
    if (spec.doc === 'frame') {
      // Another realm: an about:blank frame (no fetch, so the page's frame-src allows it) whose
      // document is written with the page's HTML, rendered like the page.
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 1024px; height: 768px';
      document.body.append(frame);
      const doc = frame.contentDocument;
      doc.open();
      doc.write(spec.html);
      doc.close();
      return doc;
    }
    return document;
  }

  const doc = documentFor();
  // Element lookups for the test's own use: querySelectorAll('*') order (no case here has
  // <noscript> elements except the one that checks they are skipped, which uses no lookups).
  const all = () => [...doc.querySelectorAll('*')];
  const at = (ordinal) => all()[ordinal];
  const ordinalOf = (el) => all().indexOf(el);

  /** The element a symbolic target names, for the verdict `v` (the engine's, for `article`). */
  function targetOf(target, v, up = 0) {
    let el;
    if (target === 'html') el = doc.documentElement;
    else if (target === 'head') el = doc.head;
    else if (target === 'body') el = doc.body;
    else if (target === 'article') el = at(v.article);
    else if (target === 'article-child') el = at(v.article).firstElementChild;
    else if (target === 'first-removal') el = at(v.removals[0].ordinal);
    else throw new Error(`harness: unknown target ${target}`);
    for (let i = 0; i < up; i += 1) el = el.parentElement;
    return el;
  }

  /** A verdict with symbolic removals and article blocks turned into ordinals of this document. */
  function resolve(v) {
    if (!v || typeof v !== 'object' || !Array.isArray(v.removals)) return v;
    const out = JSON.parse(JSON.stringify(v));
    out.removals = v.removals.map((r) => {
      if (!r || !r.target) return r;
      const el = targetOf(r.target, spec.genuine, r.up);
      return { ordinal: ordinalOf(el), tag: el.localName, category: r.category ?? 'subscribe', reason: 'forged', preview: '' };
    });
    if (Array.isArray(v.articleBlocks)) {
      out.articleBlocks = v.articleBlocks.map((b) => (b && b.target ? ordinalOf(targetOf(b.target, spec.genuine, b.up)) : b));
    }
    return out;
  }

  /** What the site, or its scripts, do to the page. */
  const CHANGES = {
    /** The site's own inline style on the first removed block. */
    'own-style': () => at(spec.genuine.removals[0].ordinal).setAttribute('style', 'color:red;  display :grid'),
    /** The site's script styles the first removed block through the CSSOM (a CSP allows that). */
    'script-style': () => { at(spec.genuine.removals[0].ordinal).style.display = 'flex'; },
    /** The site hides an article paragraph itself. */
    'site-hides-a-paragraph': () => doc.querySelector('article p').setAttribute('style', 'display: none'),
    /**
     * The change that the element count and the tags at removed ordinals cannot see: an empty
     * element with the first removed block's tag inserted just before it, and the block's last
     * element taken out. Without the fingerprint the decoy would be hidden, the block left showing.
     */
    shift: () => {
      const block = at(spec.genuine.removals[0].ordinal);
      const inside = block.querySelectorAll('*');
      if (inside.length === 0) throw new Error('harness: the first removed block has no elements inside');
      inside[inside.length - 1].remove();
      const decoy = doc.createElement(block.localName);
      block.before(decoy);
      if (at(spec.genuine.removals[0].ordinal) !== decoy) throw new Error('harness: the decoy did not take the ordinal');
    },
    insert: () => {
      const p = doc.createElement('p');
      p.textContent = "A paragraph added by the page's own script.";
      doc.body.prepend(p);
    },
    'remove-article-paragraph': () => at(spec.genuine.article).querySelector('p').remove(),
    /** The first removed block renamed to <figure>: same attributes, same children. */
    rename: () => {
      const old = at(spec.genuine.removals[0].ordinal);
      const renamed = doc.createElement('figure');
      for (const name of old.getAttributeNames()) renamed.setAttribute(name, old.getAttribute(name));
      while (old.firstChild) renamed.append(old.firstChild);
      old.replaceWith(renamed);
    },
    /** The last removed block replaced by an element in a foreign namespace, which has no style. */
    styleless: () => {
      const old = at(spec.genuine.removals.at(-1).ordinal);
      old.replaceWith(doc.createElementNS('urn:x-plainpage-test', old.localName));
    },
    /** A subscription gate added after load (its HTML is the case's `gate`). */
    'add-gate': () => doc.body.insertAdjacentHTML('beforeend', spec.gate),
    /** The extension's own element (the labels' host), which unchangedHTML leaves out. */
    'add-ui-host': () => {
      const host = doc.createElement('plainpage-labels');
      host.setAttribute(Applier.UI, '');
      doc.documentElement.append(host);
    },
    'remove-ui-host': () => doc.querySelector('plainpage-labels').remove(),
  };

  /** The choices a step asks for, as the content script would give them. */
  function choicesFor(step, marked) {
    const choices = {};
    if (step.only) choices.only = step.only;
    if (step.keepOrdinal !== undefined) {
      const kept = at(step.keepOrdinal);
      choices.keep = (el) => el === kept;
    }
    if (step.record) choices.marked = (el, removal, outlined) => marked.push([removal.ordinal, removal.category, outlined]);
    return choices;
  }

  /** Runs one step; returns its result (thrown errors are caught by the caller). */
  function run(step, marked) {
    const mode = 'mode' in step ? step.mode : 'hide';
    switch (step.do) {
      case 'apply':
        return Applier.applyVerdict('document' in step ? step.document : doc, resolve(step.verdict), mode, choicesFor(step, marked));
      case 'fragment': {
        const root = 'document' in step ? step.document : doc.querySelector(step.root);
        return Applier.applyFragmentVerdict(root, resolve(step.verdict), mode, choicesFor(step, marked));
      }
      case 'restore':
        return Applier.restore('document' in step ? step.document : doc);
      case 'restore-block':
        return Applier.restoreBlock(at(step.ordinal));
      case 'unlock-scroll':
        return Applier.unlockScroll(doc);
      case 'unchanged-html':
        return Applier.unchangedHTML(doc);
      case 'change':
        return CHANGES[step.change]();
      default:
        throw new Error(`harness: unknown step ${step.do}`);
    }
  }

  const report = () => ({
    html: doc.documentElement.outerHTML,
    marks: [...doc.querySelectorAll(`[${Applier.REMOVED}]`)].map((el) => ({
      ordinal: ordinalOf(el),
      tag: el.localName,
      category: el.getAttribute(Applier.REMOVED),
      style: el.getAttribute('style'),
      display: el.style.display,
      outline: el.style.outlineStyle,
      outlineColor: doc.defaultView ? doc.defaultView.getComputedStyle(el).outlineColor : null,
    })),
    bodyStyle: doc.body.getAttribute('style'),
    /** How the first removed block renders (a rendered document only). */
    first: doc.defaultView && spec.genuine && at(spec.genuine.removals[0].ordinal)
      ? (({ display, outlineStyle }) => ({ display, outline: outlineStyle }))(doc.defaultView.getComputedStyle(at(spec.genuine.removals[0].ordinal)))
      : null,
    text: spec.doc === 'parsed' ? null : fold(doc.body.innerText),
    queried: Object.fromEntries((spec.query ?? []).map((s) => [s, doc.querySelector(s)?.hasAttribute(Applier.REMOVED) ?? null])),
  });

  for (const change of spec.setup ?? []) CHANGES[change]();
  const start = report();
  const steps = (spec.steps ?? []).map((step) => {
    const marked = [];
    let result = null;
    let error = null;
    try {
      result = run(step, marked) ?? null;
    } catch (e) {
      error = String(e && e.message);
    }
    return { do: step.do, error, result, marked, ...report() };
  });
  return { start, steps };
}
