// Applies a verdict to the live page by ordinal, in the content script. It keeps the contract of
// the wasm module's applyVerdict (src/wasm.rs), which the extension cannot call here: the page's
// Content-Security-Policy governs WebAssembly compilation in a content script's world in
// Chromium, so the engine runs in the background and only this small part runs in the page.
//
// Ordinal n is the n-th element of querySelectorAll('*') (a fragment's root is 0, its
// descendants follow), leaving out <noscript> contents where they are elements, as the survey
// does. Before anything changes, the element count, the page's fingerprint (a hash of every
// element's tag in order, as src/ordinals.rs computes it) and the tag at every removed ordinal
// are checked, and a verdict that would hide <html>, <head>, <body> or anything holding the article
// is refused whole; a verdict that does not line up changes nothing. Removed blocks are
// hidden (or outlined), never destroyed: marked data-plainpage-removed="<category>", their own
// style attribute kept in data-plainpage-style until restore() puts it back. unchangedHTML()
// serializes the page as it was before any of this (for reader view), from a copy, so the live
// page keeps its marks.
//
// Two choices are the content script's, beyond the wasm applier's contract: `keep(el, removal)`
// leaves a block the user kept alone (counted as kept, not removed), and `only` (a category)
// outlines that category and hides the rest. COLOURS is the one table of category colours the
// extension's pages use (the outlines, the popup's legend, the labels of "Show removed", the
// options page).
'use strict';

globalThis.PlainPageApplier ??= (() => {
  const REMOVED = 'data-plainpage-removed';
  const SAVED_STYLE = 'data-plainpage-style';
  const UNLOCKED = 'data-plainpage-unlocked';
  /** Marks the extension's own elements in the page (the labels' host); unchangedHTML leaves them out. */
  const UI = 'data-plainpage-ui';
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
    const list = scope.nodeType === Node.DOCUMENT_NODE ? [] : [scope];
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

  function locate(scope, verdict) {
    if (!verdict || !Array.isArray(verdict.removals) || typeof verdict.elements !== 'number'
      || typeof verdict.fingerprint !== 'number') {
      throw new Error('this is not a verdict from the engine');
    }
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
    for (const ordinal of [verdict.article, ...(verdict.article_blocks ?? [])]) {
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

  function saveStyle(el) {
    const style = el.getAttribute('style');
    if (style !== null) el.setAttribute(SAVED_STYLE, style);
  }

  function restoreStyle(el) {
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
      el.style.setProperty('outline', `3px dashed ${COLOURS[category] ?? '#d62828'}`, 'important');
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
    const targets = locate(document, verdict);
    restore(document);
    let counts;
    let unlocked = false;
    try {
      counts = markAll(targets, mode, choices);
      // Scrolling is unlocked in hide mode, and in outline mode when some blocks are hidden.
      unlocked = Boolean(verdict.unlock_scroll) && (mode === 'hide' || counts.hidden > 0);
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
    const targets = locate(root, verdict);
    const counts = markAll(targets, mode, choices);
    const unlocked = Boolean(verdict.unlock_scroll) && (mode === 'hide' || counts.hidden > 0);
    if (unlocked) unlockScroll(root.ownerDocument);
    return { applied: counts.applied, kept: counts.kept, mode, unlockedScroll: unlocked };
  }

  return Object.freeze({
    REMOVED, UI, COLOURS: Object.freeze(COLOURS),
    applyVerdict, applyFragmentVerdict, restoreBlock, restore, unlockScroll, unchangedHTML,
  });
})();
