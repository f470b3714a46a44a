// The one verdict applier: applies a verdict to a live page by ordinal. The extension runs it in
// the content script (the page's Content-Security-Policy governs WebAssembly compilation in a
// content script's world in Chromium, so the engine runs in the background and only this part
// runs in the page); the playground (www/, which loads the copy build.sh puts in www/pkg) and the
// in-browser benchmark (tests/bench-browser) run the same file. tests/e2e/applier.test.mjs holds
// its contract as a table of cases, run in headless Chromium and Firefox.
//
// Ordinal n is the n-th element of querySelectorAll('*') (a fragment's root is 0, its
// descendants follow), leaving out <noscript> contents where they are elements, as the survey
// does. Before anything changes, the verdict's shape (whole-number ordinals, known categories), the
// mode ("hide" or "outline"), the element count, the page's fingerprint (a hash of every
// element's tag in order, as src/ordinals.rs computes it) and the tag at every removed ordinal
// are checked, and a verdict that would hide <html>, <head>, <body> or anything holding the
// article is refused whole; a verdict that does not line up throws, naming what is wrong, and
// changes nothing. Removed blocks are hidden (or outlined), never destroyed: marked
// data-plainpage-removed="<category>", their own style attribute kept in data-plainpage-style
// until restore() puts it back. A block already marked (listed twice, or marked by an earlier
// fragment verdict) is left as it is and not counted again: marking it twice would keep the
// applier's own style as the block's, and restore would not give the page back.
// unchangedHTML() serializes the page as it was before any of this (for reader view), from a
// copy, so the live page keeps its marks.
//
// Two choices are the caller's: `keep(el, removal)` leaves a block the user kept alone (counted as
// kept, not removed), and `only` (a category) outlines that category and hides the rest.
// COLOURS is the one table of category names (in the order of plainpage::Category::ALL, which
// tests/categories.rs checks) and their colours: the outlines, the popup's legend, the labels of
// "Show removed", the options page and the playground all take them from here.
'use strict';

globalThis.PlainPageApplier ??= (() => {
  const REMOVED = 'data-plainpage-removed';
  const SAVED_STYLE = 'data-plainpage-style';
  const UNLOCKED = 'data-plainpage-unlocked';
  /** Marks the extension's own elements in the page (the labels' host); unchangedHTML leaves them out. */
  const UI = 'data-plainpage-ui';
  /** Node types, as numbers: they hold in every realm (a frame's, a DOMParser's) and in workers. */
  const DOCUMENT_NODE = 9;
  const ELEMENT_NODE = 1;
  const COLOURS = {
    subscribe: '#d62828',
    newsletter: '#7b2cbf',
    related: '#1d6fd6',
    'app-promo': '#e76f00',
    social: '#2a9d8f',
    ad: '#6c757d',
  };

  /** Elements by ordinal in a document, or in a subtree (its root first). */
  function ordinals(scope) {
    const all = [...scope.querySelectorAll('*')];
    const list = scope.nodeType === DOCUMENT_NODE ? [] : [scope];
    const skip = new Set(scope.querySelectorAll('noscript *'));
    for (const el of all) if (!skip.has(el)) list.push(el);
    return list;
  }

  /**
   * FNV-1a (32 bits) over each element's lower-cased localName and a space, in UTF-16 units,
   * with `image` counted as `img` (src/ordinals.rs has the reasons).
   */
  function fingerprint(list) {
    let hash = 0x811c9dc5;
    const unit = (u) => {
      hash = Math.imul(hash ^ u, 0x01000193) >>> 0;
    };
    for (const el of list) {
      const name = el.localName.toLowerCase() === 'image' ? 'img' : el.localName;
      for (let i = 0; i < name.length; i++) {
        const u = name.charCodeAt(i);
        unit(u >= 0x41 && u <= 0x5a ? u + 0x20 : u);
      }
      unit(0x20);
    }
    return hash;
  }

  const MODES = ['hide', 'outline'];
  const isOrdinal = (n) => Number.isInteger(n) && n >= 0;

  /** Throws unless `mode` is one the applier knows: an unknown mode is refused, never taken for hide. */
  function checkMode(mode) {
    if (!MODES.includes(mode)) {
      throw new Error(`the mode must be "hide" or "outline", not ${JSON.stringify(mode) ?? String(mode)}; nothing was changed`);
    }
  }

  /** Throws unless `scope` is a Document (or, for a fragment, an Element), from any realm. */
  function checkScope(scope, caller, nodeType) {
    if (!scope || typeof scope.querySelectorAll !== 'function' || scope.nodeType !== nodeType) {
      const what = nodeType === DOCUMENT_NODE ? 'a Document, such as window.document or the result of DOMParser' : 'the element the fragment verdict was made from';
      throw new Error(`${caller} needs ${what}; nothing was changed`);
    }
  }

  /**
   * Throws unless the verdict has the engine's shape: whole-number ordinals, a tag name and a
   * known category for every removal. A forged or corrupted verdict is refused before the page is
   * looked at.
   */
  function checkVerdict(verdict) {
    const not = (why) => new Error(`this is not a verdict from the engine: ${why}; nothing was changed`);
    if (!verdict || typeof verdict !== 'object') throw not('it is not an object');
    if (!Array.isArray(verdict.removals)) throw not('it has no list of removals');
    if (!isOrdinal(verdict.elements)) throw not('its element count is not a whole number');
    if (!Number.isInteger(verdict.fingerprint) || verdict.fingerprint < 0 || verdict.fingerprint > 0xffffffff) {
      throw not('its fingerprint is not a 32-bit whole number');
    }
    if (verdict.article !== null && verdict.article !== undefined && !isOrdinal(verdict.article)) {
      throw not(`its article, ${JSON.stringify(verdict.article)}, is not an element number`);
    }
    const blocks = verdict.articleBlocks ?? [];
    if (!Array.isArray(blocks) || !blocks.every(isOrdinal)) throw not('its article blocks are not element numbers');
    verdict.removals.forEach((r, i) => {
      if (!r || typeof r !== 'object') throw not(`removal ${i} is not an object`);
      if (!isOrdinal(r.ordinal)) throw not(`removal ${i} has the ordinal ${JSON.stringify(r.ordinal)}, not an element number`);
      if (typeof r.tag !== 'string' || r.tag === '') throw not(`removal ${i} (element ${r.ordinal}) names no tag`);
      if (!Object.hasOwn(COLOURS, r.category)) {
        throw not(`removal ${i} (element ${r.ordinal}) has the category ${JSON.stringify(r.category)}, which is none of ${Object.keys(COLOURS).join(', ')}`);
      }
    });
  }

  function locate(scope, verdict) {
    checkVerdict(verdict);
    const list = ordinals(scope);
    if (list.length !== verdict.elements) {
      throw new Error(`this verdict does not fit the page: it was made for ${verdict.elements} elements and the page has ${list.length}; nothing was changed`);
    }
    const targets = verdict.removals.map((r) => {
      const el = list[r.ordinal];
      if (!el) throw new Error(`this verdict does not fit the page: it removes element ${r.ordinal}, past the last of ${list.length}; nothing was changed`);
      const tag = el.localName.toLowerCase();
      if (tag !== String(r.tag).toLowerCase()) {
        throw new Error(`this verdict does not fit the page: element ${r.ordinal} is <${tag}> but the verdict removes a <${r.tag}>; nothing was changed`);
      }
      if (!el.style) throw new Error(`the <${tag}> element has no inline style to hide it with; nothing was changed`);
      return [el, r.category, r.ordinal, r];
    });
    // The removed blocks have the right tags; the rest of the page must still line up too.
    if (fingerprint(list) !== verdict.fingerprint) {
      throw new Error('this verdict does not fit the page: it has as many elements, but not the same ones in the same order (one was added and another removed, or one was moved or renamed); nothing was changed');
    }
    protect(list, verdict, targets);
    return targets;
  }

  /**
   * Refuses a verdict that would hide the page's frame (<html>, <head>, <body>) or the article:
   * no removal may be, or contain, the article root or one of its blocks.
   */
  function protect(list, verdict, targets) {
    const article = [];
    for (const ordinal of [verdict.article, ...(verdict.articleBlocks ?? [])]) {
      if (ordinal === null || ordinal === undefined) continue;
      const el = list[ordinal];
      if (!el) throw new Error(`this verdict does not fit the page: its article is element ${ordinal}, past the last of ${list.length}; nothing was changed`);
      article.push(el);
    }
    for (const [el, , ordinal] of targets) {
      const tag = el.localName.toLowerCase();
      if (tag === 'html' || tag === 'head' || tag === 'body') {
        throw new Error(`this verdict would hide <${tag}> (element ${ordinal}), which PlainPage never hides; nothing was changed`);
      }
      if (article.some((a) => el.contains(a))) {
        throw new Error(`this verdict would hide element ${ordinal} (<${tag}>), which holds the article; nothing was changed`);
      }
    }
  }

  /** The inline properties the applier sets (hide, outline, scroll unlock), as longhands. */
  const OWN_PROPERTIES = ['display', 'outline-color', 'outline-style', 'outline-width', 'outline-offset', 'overflow-y'];
  /** Each marked element's own values of OWN_PROPERTIES, as its CSSOM had them before marking. */
  const previous = new WeakMap();

  function saveStyle(el) {
    const style = el.getAttribute('style');
    if (style !== null) el.setAttribute(SAVED_STYLE, style);
    if (el.style) previous.set(el, OWN_PROPERTIES.map((p) => [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]));
  }

  /**
   * Gives an element back the `style` attribute saveStyle kept (or none if it had none), and its
   * CSSOM the values it had. The CSSOM is put back first, through the CSSOM: where the page's CSP
   * ignores inline style attributes, Chromium does not re-read the attribute when it is set
   * back, so a block would stay hidden with the right text in its attribute (and stay hidden
   * when applied again in outline mode), and a display the site's script set would be lost.
   */
  function restoreStyle(el) {
    const before = previous.get(el);
    previous.delete(el);
    if (el.style) {
      for (const property of OWN_PROPERTIES) el.style.removeProperty(property);
      for (const [property, value, priority] of before ?? []) if (value) el.style.setProperty(property, value, priority);
    }
    const saved = el.getAttribute(SAVED_STYLE);
    if (saved !== null) {
      el.setAttribute('style', saved);
      el.removeAttribute(SAVED_STYLE);
    } else if (el.hasAttribute('style')) {
      el.removeAttribute('style');
    }
  }

  function mark(el, category, mode) {
    if (el.hasAttribute(REMOVED)) return false;
    saveStyle(el);
    el.setAttribute(REMOVED, category);
    if (mode === 'outline') {
      el.style.setProperty('outline', `3px dashed ${COLOURS[category]}`, 'important');
      el.style.setProperty('outline-offset', '-3px', 'important');
    } else {
      el.style.setProperty('display', 'none', 'important');
    }
    return true;
  }

  function unlockScroll(document) {
    for (const el of [document.documentElement, document.body]) {
      if (!el) continue;
      if (!el.hasAttribute(UNLOCKED)) {
        saveStyle(el);
        el.setAttribute(UNLOCKED, '');
      }
      el.style.setProperty('overflow-y', 'auto', 'important');
    }
  }

  /** Brings one hidden or outlined block back as it was; false if it was not marked. */
  function restoreBlock(el) {
    if (!el.hasAttribute(REMOVED)) return false;
    restoreStyle(el);
    el.removeAttribute(REMOVED);
    return true;
  }

  /** Undoes every mark; returns the number of blocks restored. */
  function restore(document) {
    checkScope(document, 'restore', DOCUMENT_NODE);
    for (const el of document.querySelectorAll(`[${UNLOCKED}]`)) {
      restoreStyle(el);
      el.removeAttribute(UNLOCKED);
    }
    const marked = document.querySelectorAll(`[${REMOVED}]`);
    for (const el of marked) {
      restoreStyle(el);
      el.removeAttribute(REMOVED);
    }
    return marked.length;
  }

  /**
   * The page's HTML as it was before PlainPage changed it: documentElement.outerHTML with every
   * mark undone (each block's own style back, the scroll unlock taken off). The marks are undone
   * in a copy imported into an inert document (no browsing context: its images load nothing, its
   * scripts never run), so the live page is not touched. What the site itself hid stays hidden.
   */
  function unchangedHTML(document) {
    const live = document.documentElement;
    if (!document.querySelector(`[${REMOVED}], [${UNLOCKED}], [${UI}]`)) return live.outerHTML;
    const inert = document.implementation.createHTMLDocument('');
    const copy = inert.importNode(live, true);
    inert.replaceChild(copy, inert.documentElement);
    restore(inert);
    for (const el of copy.querySelectorAll(`[${UI}]`)) el.remove();
    return copy.outerHTML;
  }

  /**
   * Marks the located blocks: hidden, or outlined in outline mode (with `only`, that category
   * outlined and the rest hidden). A block `keep(el, removal)` answers true for is left alone.
   * `marked(el, removal, outlined)` hears of each block marked. Returns the counts.
   */
  function markAll(targets, mode, { keep, only, marked } = {}) {
    let applied = 0;
    let kept = 0;
    let hidden = 0;
    for (const [el, category, , removal] of targets) {
      if (keep?.(el, removal)) {
        kept += 1;
        continue;
      }
      const how = mode === 'outline' && (!only || only === category) ? 'outline' : 'hide';
      if (!mark(el, category, how)) continue;
      applied += 1;
      if (how === 'hide') hidden += 1;
      marked?.(el, removal, how === 'outline');
    }
    return { applied, kept, hidden };
  }

  /** A whole page's verdict: replaces any previous application. */
  function applyVerdict(document, verdict, mode = 'hide', choices = {}) {
    checkScope(document, 'applyVerdict', DOCUMENT_NODE);
    checkMode(mode);
    const targets = locate(document, verdict);
    restore(document);
    let counts;
    let unlocked = false;
    try {
      counts = markAll(targets, mode, choices);
      // Scrolling is unlocked in hide mode, and in outline mode when some blocks are hidden.
      unlocked = Boolean(verdict.unlockScroll) && (mode === 'hide' || counts.hidden > 0);
      if (unlocked) unlockScroll(document);
    } catch (error) {
      // Everything was checked first, so the page refused a change: take back what was done
      // rather than leave it half hidden.
      restore(document);
      throw error;
    }
    return { applied: counts.applied, kept: counts.kept, mode, unlockedScroll: unlocked };
  }

  /** A fragment's verdict (from analyzeFragment): adds to what is applied. */
  function applyFragmentVerdict(root, verdict, mode = 'hide', choices = {}) {
    checkScope(root, 'applyFragmentVerdict', ELEMENT_NODE);
    checkMode(mode);
    const targets = locate(root, verdict);
    const counts = markAll(targets, mode, choices);
    const unlocked = Boolean(verdict.unlockScroll) && (mode === 'hide' || counts.hidden > 0);
    if (unlocked) unlockScroll(root.ownerDocument);
    return { applied: counts.applied, kept: counts.kept, mode, unlockedScroll: unlocked };
  }

  return Object.freeze({
    REMOVED, UI, COLOURS: Object.freeze(COLOURS), CATEGORIES: Object.freeze(Object.keys(COLOURS)),
    applyVerdict, applyFragmentVerdict, restoreBlock, restore, unlockScroll, unchangedHTML,
  });
})();
