// The content script: serialize the live page → the engine judges it (in the background, in
// wasm) → apply the verdict by ordinal (applier.js); watch for chrome the page adds later; and
// open or close the reader overlay (which reads the page as it was before cleaning). In "Show
// removed" (outline mode) each outlined block gets a label (labels.js) with its category, its
// reason, *Restore* and *Always keep on this site*; blocks the user keeps on a site (settings
// `keep`) are left alone on every later cleaning of that site.
//
// It runs in the extension's isolated world (registered at document_idle on allowed sites, or
// injected on demand for reader view through activeTab). WebAssembly does not run here: in
// Chromium the page's Content-Security-Policy governs wasm compilation in this world, so the
// engine runs in the extension's own pages (the background for cleaning, the reader frame for
// reader view), where the extension's CSP allows it. Nothing here makes a network request.
'use strict';

(() => {
  if (globalThis.PlainPageContent) return; // injected twice (registered and on demand)

  const { api, MSG, isMessage } = globalThis.PlainPage;
  const Settings = globalThis.PlainPageSettings;
  const Applier = globalThis.PlainPageApplier;
  const Labels = globalThis.PlainPageLabels;

  /** Marks the reader overlay's frame, so cleaning and the observer leave it alone. */
  const READER_ATTR = 'data-plainpage-reader';
  /** Elements an added subtree is never judged for: they show nothing. */
  const INERT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'BR', 'IFRAME']);

  const state = {
    /** The cleaning under way (a promise), so two requests clean once. */
    cleaning: null,
    cleaned: false,
    /** Cleaned once and then restored ("Restore all"): the popup offers "Clean again". */
    restored: false,
    mode: 'hide',
    /** In outline mode, the one category outlined (the popup's click on a count), or null for all. */
    only: null,
    /** The blocks marked removed: { el, removal, outlined }. */
    blocks: [],
    /** Blocks the user restored one by one on this page: left alone until "Restore all". */
    restoredHere: new WeakSet(),
    /** Selectors of the blocks always kept on this site (settings `keep`). */
    keep: [],
    /** Blocks the verdict removes that were left alone because they are kept on this site. */
    kept: 0,
    /** The article root from the page's verdict: added subtrees inside or around it are skipped. */
    articleRoot: null,
    counts: {},
    unlockedScroll: false,
    observer: null,
    scrollGuard: null,
    pending: new Set(),
    /** A fragment request is on its way to the engine; more nodes wait for its answer. */
    inFlight: false,
    reader: null,
    /**
     * Milliseconds since the script started (document idle when registered), for the popup and
     * tests; `parts` of the first cleaning and `reader` (of the last reader view opened) split
     * each wait into its steps (tests/e2e/lib/latency.mjs reads them). Local only: nothing is
     * sent anywhere or kept.
     */
    timings: { start: performance.now(), origin: performance.timeOrigin },
    error: null,
  };

  /** Asks the engine (in the background) for a verdict on a page or an added subtree. */
  async function judge(html, fragment) {
    const answer = await api.runtime.sendMessage({ type: MSG.ANALYZE, html, url: location.href, fragment });
    if (!answer?.ok) throw new Error(answer?.error ?? 'the engine did not answer');
    return answer.result;
  }

  /** Milliseconds since the content script started. */
  const since = () => performance.now() - state.timings.start;

  /** Calls `done` once the next frame has been produced (a frame drawn after the change). */
  const afterPaint = (done) => requestAnimationFrame(() => setTimeout(done, 0));

  // ---- cleaning ------------------------------------------------------------------------------

  function clean() {
    state.cleaning ??= cleanPage().finally(() => {
      state.cleaning = null;
    });
    return state.cleaning;
  }

  async function cleanPage() {
    if (state.cleaned) return status();
    // The steps of the first cleaning, in ms since the script started (see state.timings).
    const parts = state.timings.parts ? null : { begun: since() };
    await applyWhole(0, parts);
    state.cleaned = true;
    state.restored = false;
    state.timings.cleaned = since();
    if (parts) {
      parts.cleaned = state.timings.cleaned;
      state.timings.parts = parts;
      afterPaint(() => {
        parts.painted = since();
      });
    }
    showLabels();
    watch();
    report();
    return status();
  }

  /**
   * Judges the whole page and applies the verdict in the current mode. The page is serialized
   * with any earlier marks taken off, and the verdict is refused (nothing changes) if the page
   * changed shape while it was being judged; then it is tried once more.
   */
  async function applyWhole(attempt = 0, parts = null) {
    const wasCleaned = state.cleaned;
    Labels.hide();
    Applier.restore(document);
    const html = document.documentElement.outerHTML;
    const started = performance.now();
    if (parts) parts.serialized = since();
    const answer = judge(html, false).then((result) => {
      if (parts) parts.returned = since();
      return result;
    });
    const [{ verdict, timings, worker }, keep] = await Promise.all([answer, keptSelectors()]);
    // *Restore all* came while the page was judged again (a mode change, categories changed):
    // the page stays restored, and this verdict is not applied.
    if (wasCleaned && !state.cleaned) return null;
    const judged = performance.now();
    if (parts) Object.assign(parts, { answered: since(), engine: timings, worker, attempt });
    state.keep = keep;
    const blocks = [];
    const tally = { kept: 0 };
    let applied;
    try {
      applied = Applier.applyVerdict(document, verdict, state.mode, choices(blocks, tally));
    } catch (error) {
      if (attempt === 0) return applyWhole(1, parts);
      throw error;
    }
    state.timings.analyze = judged - started;
    state.timings.engine = timings.survey + timings.judge;
    state.timings.apply = performance.now() - judged;
    if (parts) parts.applied = since();
    state.articleRoot = verdict.article === null ? null : document.querySelectorAll('*')[verdict.article] ?? null;
    state.unlockedScroll = applied.unlockedScroll;
    state.blocks = blocks;
    state.kept = tally.kept;
    recount();
    return applied;
  }

  /**
   * What the applier is told besides the verdict: what to leave alone (restored here, or kept on
   * this site: counted in `tally.kept`), what to outline; the blocks it marks go into `blocks`.
   */
  function choices(blocks, tally) {
    return {
      keep: (el) => {
        if (state.restoredHere.has(el)) return true;
        if (!state.keep.some((selector) => Labels.matches(el, selector))) return false;
        tally.kept += 1;
        return true;
      },
      only: state.only,
      marked: (el, removal, outlined) => blocks.push({ el, removal, outlined }),
    };
  }

  async function keptSelectors() {
    const settings = await Settings.load();
    return Settings.keptOn(settings, location.hostname).map((entry) => entry.selector);
  }

  function recount() {
    state.counts = {};
    for (const { removal } of state.blocks) state.counts[removal.category] = (state.counts[removal.category] ?? 0) + 1;
  }

  function total() {
    return Object.values(state.counts).reduce((a, b) => a + b, 0);
  }

  function report() {
    api.runtime.sendMessage({ type: MSG.REMOVED_COUNT, total: state.cleaned ? total() : 0 }).catch(() => {});
  }

  async function setMode(mode, only) {
    state.mode = mode === 'outline' ? 'outline' : 'hide';
    state.only = state.mode === 'outline' && Settings.CATEGORIES.includes(only) ? only : null;
    if (!state.cleaned) return clean();
    await applyWhole();
    showLabels();
    report();
    return status();
  }

  /**
   * The categories changed on the options page (the background tells every tab): a page that is
   * cleaned now is judged again and the new verdict applied in the current mode, through the same
   * restore-and-apply path as a mode change, so a category switched off comes back and one
   * switched on goes. A page not cleaned (never, or after *Restore all*) is left alone.
   */
  async function reapply() {
    if (state.cleaning) await state.cleaning.catch(() => {});
    if (!state.cleaned) return status();
    await applyWhole();
    state.timings.reapplied = performance.now() - state.timings.start;
    showLabels();
    report();
    return status();
  }

  // ---- why each block went: labels, restore one block, always keep on this site -------------

  function showLabels() {
    if (state.mode !== 'outline' || !state.cleaned) {
      Labels.hide();
      return;
    }
    Labels.show(document, state.blocks.filter((b) => b.outlined), { onRestore: restoreBlock, onKeep: keepOnSite });
  }

  /** Takes blocks out of what is removed: their marks and labels off, the counts and badge updated. */
  function release(els) {
    const set = new Set(els);
    for (const el of set) {
      Applier.restoreBlock(el);
      Labels.drop(el);
    }
    state.blocks = state.blocks.filter((b) => !set.has(b.el));
    recount();
    report();
  }

  /** *Restore*: this block back, on this page only. */
  function restoreBlock(el) {
    state.restoredHere.add(el);
    release([el]);
  }

  /**
   * *Always keep on this site*: the block's key (labels.js, keyOf) is saved as an exception for
   * the site by the background, and every removed block it names is back at once.
   */
  async function keepOnSite(el) {
    const block = state.blocks.find((b) => b.el === el);
    if (!block) return;
    const selector = Labels.keyOf(el);
    try {
      const answer = await api.runtime.sendMessage({
        type: MSG.KEEP_BLOCK, selector, category: block.removal.category, preview: block.removal.preview ?? '',
      });
      if (!answer?.ok) throw new Error(answer?.error ?? 'the background did not answer');
    } catch (error) {
      console.warn('PlainPage: the block could not be kept on this site:', error);
      return;
    }
    if (!state.keep.includes(selector)) state.keep.push(selector);
    const named = state.blocks.filter((b) => Labels.matches(b.el, selector)).map((b) => b.el);
    state.kept += named.length;
    release(named);
  }

  function restoreAll() {
    Labels.hide();
    state.observer?.disconnect();
    state.scrollGuard?.disconnect();
    state.observer = state.scrollGuard = null;
    state.pending.clear();
    Applier.restore(document);
    state.restored ||= state.cleaned;
    state.cleaned = false;
    state.counts = {};
    state.blocks = [];
    state.kept = 0;
    state.only = null;
    state.restoredHere = new WeakSet();
    state.articleRoot = null;
    state.unlockedScroll = false;
    report();
    return status();
  }

  // ---- chrome that arrives later -------------------------------------------------------------

  function watch() {
    if (state.observer) return;
    state.observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) state.pending.add(node);
        }
      }
      if (state.pending.size > 0 && !state.inFlight) judgeAdded();
    });
    state.observer.observe(document.documentElement, { childList: true, subtree: true });
    // A page that locks scrolling again after a gate was removed gets it unlocked again.
    state.scrollGuard = new MutationObserver(keepScrollUnlocked);
    for (const el of [document.documentElement, document.body]) {
      if (el) state.scrollGuard.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
    }
  }

  /**
   * Judges the subtrees added since the last time, at once: the observer's callback already
   * gathers every change a page script made in one task, and while one request is with the
   * engine, further additions wait and go together in the next (the debounce).
   */
  async function judgeAdded() {
    if (!state.cleaned) return;
    const roots = topmost([...state.pending]).filter(worthJudging);
    state.pending.clear();
    if (roots.length === 0) return;
    state.inFlight = true;
    const started = performance.now();
    let removed = 0;
    try {
      for (const root of roots) {
        const { verdict } = await judge(root.outerHTML, true);
        if (verdict.removals.length === 0 || !root.isConnected || !state.cleaned) continue;
        try {
          const blocks = [];
          const tally = { kept: 0 };
          const applied = Applier.applyFragmentVerdict(root, verdict, state.mode, choices(blocks, tally));
          state.unlockedScroll ||= applied.unlockedScroll;
          state.blocks.push(...blocks);
          state.kept += tally.kept;
          removed += blocks.length;
        } catch (error) {
          console.warn('PlainPage: an added block changed while it was judged and was left as it is:', error.message);
        }
      }
    } catch (error) {
      console.warn('PlainPage: added blocks were not judged:', error);
    } finally {
      state.inFlight = false;
      state.timings.lastFragments = performance.now() - started;
    }
    if (removed > 0) {
      recount();
      showLabels();
      report();
    }
    if (state.pending.size > 0) setTimeout(judgeAdded, 50);
  }

  /** The added nodes that are not inside another added node, still in the page. */
  function topmost(nodes) {
    const set = new Set(nodes);
    return nodes.filter((node) => {
      if (!node.isConnected) return false;
      for (let p = node.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
  }

  function worthJudging(root) {
    if (INERT.has(root.tagName) || root.hasAttribute(READER_ATTR) || root.hasAttribute(Applier.UI)) return false;
    if (root.closest(`[${Applier.REMOVED}]`)) return false; // already hidden
    const article = state.articleRoot;
    if (article && (article.contains(root) || root.contains(article))) return false;
    return root.textContent.trim().length > 0 || root.querySelector('button, input, a') !== null;
  }

  function keepScrollUnlocked() {
    if (!state.unlockedScroll || state.mode !== 'hide') return;
    for (const el of [document.documentElement, document.body]) {
      if (!el) continue;
      const overflow = getComputedStyle(el).overflowY;
      if (overflow === 'hidden' || overflow === 'clip') Applier.unlockScroll(document);
    }
  }

  // ---- reader overlay ------------------------------------------------------------------------

  /**
   * Opens reader view: an extension frame above the untouched page. The page is serialized
   * first, as it was before cleaning (Applier.unchangedHTML: the blocks PlainPage hid are back,
   * what the site hid is not), so the article is the same whether the page was cleaned or not;
   * the frame (the extension's own origin, its own CSS and CSP) extracts and renders it. The page
   * is not changed apart from the frame element, so its scroll position, form input and script
   * state are there when the frame goes.
   */
  function openReader() {
    const opened = performance.now();
    // The steps to the reader painted, in ms since the toggle arrived: the content script's
    // (serialized, appended, loaded, painted) and the frame's own (`frame`, on its own clock).
    const steps = { at: opened - state.timings.start };
    const html = Applier.unchangedHTML(document);
    steps.serialized = performance.now() - opened;
    const frame = document.createElement('iframe');
    frame.setAttribute(READER_ATTR, '');
    frame.title = 'Reader view';
    const style = {
      position: 'fixed', inset: '0', top: '0', left: '0', width: '100vw', height: '100vh',
      'max-width': 'none', 'max-height': 'none', margin: '0', padding: '0', border: '0',
      display: 'block', visibility: 'visible', opacity: '1', transform: 'none', filter: 'none',
      'z-index': '2147483647', background: 'transparent', 'color-scheme': 'normal',
    };
    for (const [property, value] of Object.entries(style)) frame.style.setProperty(property, value, 'important');
    const channel = new MessageChannel();
    // Where the page was: anything that scrolls it while the overlay is up (scrolling chained
    // from the frame, an element in the frame brought into view) is undone on close.
    const scroll = { x: scrollX, y: scrollY };
    const reader = { frame, port: channel.port1, focus: document.activeElement, opened, scroll };
    channel.port1.onmessage = (event) => {
      const data = event.data ?? {};
      if (data.type === 'close') closeReader();
      else if (data.type === 'painted') {
        state.timings.readerPainted = steps.painted = performance.now() - opened;
        steps.frame = data.timings ?? null;
        state.timings.reader = steps;
      }
      else if (data.type === 'error') console.warn('PlainPage reader view:', data.message);
    };
    frame.addEventListener(
      'load',
      () => {
        steps.loaded = performance.now() - opened;
        const origin = new URL(api.runtime.getURL('')).origin;
        frame.contentWindow.postMessage({ type: 'plainpage:page', html, url: location.href }, origin, [channel.port2]);
        frame.focus();
      },
      { once: true },
    );
    frame.src = api.runtime.getURL('reader.html');
    state.timings.readerPainted = undefined;
    state.timings.reader = undefined;
    document.documentElement.appendChild(frame);
    steps.appended = performance.now() - opened;
    addEventListener('keydown', escapeCloses, true);
    state.reader = reader;
  }

  function escapeCloses(event) {
    if (event.key === 'Escape' && state.reader) {
      event.stopPropagation();
      closeReader();
    }
  }

  function closeReader() {
    const reader = state.reader;
    if (!reader) return;
    state.reader = null;
    removeEventListener('keydown', escapeCloses, true);
    reader.port.close();
    reader.frame.remove();
    if (reader.focus instanceof HTMLElement && reader.focus.isConnected) reader.focus.focus({ preventScroll: true });
    if (scrollX !== reader.scroll.x || scrollY !== reader.scroll.y) {
      scrollTo({ left: reader.scroll.x, top: reader.scroll.y, behavior: 'instant' });
    }
  }

  function toggleReader() {
    if (state.reader) closeReader();
    else openReader();
    return { readerOpen: state.reader !== null };
  }

  // ---- messages ------------------------------------------------------------------------------

  function status() {
    return {
      host: location.hostname,
      cleaned: state.cleaned,
      restored: state.restored,
      mode: state.mode,
      only: state.only,
      counts: { ...state.counts },
      kept: state.kept,
      labels: state.mode === 'outline' ? state.blocks.filter((b) => b.outlined).length : 0,
      total: total(),
      unlockedScroll: state.unlockedScroll,
      readerOpen: state.reader !== null,
      timings: { ...state.timings },
      error: state.error,
    };
  }

  async function handle(message) {
    switch (message.type) {
      case MSG.CS_TOGGLE_READER:
        return toggleReader();
      case MSG.CS_CLEAN:
        return clean();
      case MSG.CS_STATUS:
        return status();
      case MSG.CS_SET_MODE:
        return setMode(message.mode, message.only);
      case MSG.CS_RESTORE:
        return restoreAll();
      case MSG.CS_REAPPLY:
        return reapply();
      default:
        return null;
    }
  }

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isMessage(message, 'cs:')) return false;
    handle(message).then(sendResponse, (error) => {
      state.error = String(error?.message ?? error);
      sendResponse({ error: state.error });
    });
    return true;
  });

  globalThis.PlainPageContent = Object.freeze({ status });

  // Automatic cleaning, when the user allowed it for this site.
  Settings.load()
    .then((settings) => (Settings.cleansHost(settings, Settings.hostOf(location.href)) ? clean() : null))
    .catch((error) => {
      state.error = String(error?.message ?? error);
      console.warn('PlainPage: this page was not cleaned:', error);
    });
})();
