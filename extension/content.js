// The content script: serialize the live page → judge it in wasm → apply the verdict by ordinal;
// watch for chrome the page adds later; and open or close the reader overlay.
//
// It runs in the extension's isolated world (registered at document_idle on allowed sites, or
// injected on demand for reader view through activeTab). The wasm module is loaded from the
// extension's own files into this world, so the page's Content-Security-Policy does not apply to
// it. Nothing here sends a network request: the only fetches are of the extension's own files.
'use strict';

(() => {
  if (globalThis.PlainPageContent) return; // injected twice (registered and on demand)

  const { api, MSG, isMessage } = globalThis.PlainPage;
  const Settings = globalThis.PlainPageSettings;

  /** Marks a hidden or outlined block (set by the wasm applier). */
  const REMOVED_ATTR = 'data-plainpage-removed';
  /** Marks the reader overlay's frame, so cleaning and the observer leave it alone. */
  const READER_ATTR = 'data-plainpage-reader';
  /** Elements an added subtree is never judged for: they show nothing. */
  const INERT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'BR', 'IFRAME']);
  /** A fragment judged in more than this many milliseconds makes the observer slow down. */
  const FRAME_BUDGET_MS = 12;

  const state = {
    /** The wasm module, loaded once (a promise), and the module once it is there. */
    engine: null,
    engineModule: null,
    /** The cleaning under way (a promise), so two requests clean once. */
    cleaning: null,
    /** What analyze/analyzeFragment run on: the module, or a compiled Rules handle. */
    analyzer: null,
    options: null,
    cleaned: false,
    mode: 'hide',
    /** The article root from the page's verdict: added subtrees inside or around it are skipped. */
    articleRoot: null,
    counts: {},
    unlockedScroll: false,
    observer: null,
    scrollGuard: null,
    pending: new Set(),
    scheduled: false,
    slow: false,
    reader: null,
    /** Milliseconds, for the popup and the tests. */
    timings: { start: performance.now() },
    error: null,
  };

  function loadEngine() {
    state.engine ??= (async () => {
      const start = performance.now();
      const engine = await import(api.runtime.getURL('pkg/plainpage.js'));
      await engine.default({ module_or_path: api.runtime.getURL('pkg/plainpage_bg.wasm') });
      state.timings.engineLoad = performance.now() - start;
      state.engineModule = engine;
      return engine;
    })();
    return state.engine;
  }

  /** Compiles the user's rules once for this page (they change only in the options page). */
  function analyzerFor(engine, settings) {
    const lists = Settings.ruleLists(settings);
    if (lists.length === 0) return engine;
    try {
      return engine.compileRules(lists);
    } catch (error) {
      console.warn('PlainPage: your custom rules could not be compiled; cleaning without them.', error);
      return engine;
    }
  }

  // ---- cleaning ------------------------------------------------------------------------------

  function clean() {
    state.cleaning ??= cleanPage().finally(() => {
      state.cleaning = null;
    });
    return state.cleaning;
  }

  async function cleanPage() {
    if (state.cleaned) return status();
    const engine = await loadEngine();
    const settings = await Settings.load();
    state.analyzer = analyzerFor(engine, settings);
    state.options = { categories: Settings.enabledCategories(settings) };
    state.timings.engineReady = performance.now() - state.timings.start;
    applyWhole(engine);
    state.cleaned = true;
    state.timings.cleaned = performance.now() - state.timings.start;
    watch();
    report();
    return status();
  }

  /**
   * Judges the whole page and applies the verdict in the current mode. Synchronous from restore
   * to apply, so nothing is painted in between.
   */
  function applyWhole(engine) {
    engine.restore(document);
    const html = document.documentElement.outerHTML;
    const started = performance.now();
    const { verdict } = state.analyzer.analyze(html, location.href, state.options);
    const analyzed = performance.now();
    const applied = engine.applyVerdict(document, verdict, state.mode);
    state.timings.analyze = analyzed - started;
    state.timings.apply = performance.now() - analyzed;
    state.articleRoot = verdict.article === null ? null : document.querySelectorAll('*')[verdict.article] ?? null;
    state.unlockedScroll = applied.unlockedScroll;
    state.counts = {};
    count(verdict.removals);
  }

  function count(removals) {
    for (const r of removals) state.counts[r.category] = (state.counts[r.category] ?? 0) + 1;
  }

  function total() {
    return Object.values(state.counts).reduce((a, b) => a + b, 0);
  }

  function report() {
    api.runtime.sendMessage({ type: MSG.REMOVED_COUNT, total: state.cleaned ? total() : 0 }).catch(() => {});
  }

  async function setMode(mode) {
    state.mode = mode === 'outline' ? 'outline' : 'hide';
    if (!state.cleaned) return clean();
    applyWhole(await loadEngine());
    report();
    return status();
  }

  async function restoreAll() {
    state.observer?.disconnect();
    state.scrollGuard?.disconnect();
    state.observer = state.scrollGuard = null;
    state.pending.clear();
    if (state.engine) (await state.engine).restore(document);
    state.cleaned = false;
    state.counts = {};
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
      if (state.pending.size > 0) schedule();
    });
    state.observer.observe(document.documentElement, { childList: true, subtree: true });
    // A page that locks scrolling again after a gate was removed gets it unlocked again.
    state.scrollGuard = new MutationObserver(keepScrollUnlocked);
    for (const el of [document.documentElement, document.body]) {
      if (el) state.scrollGuard.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
    }
  }

  /**
   * Batches added subtrees and judges them before the next paint (requestAnimationFrame), so an
   * injected prompt is hidden before it is ever shown; on a busy page, at most every 250 ms.
   * The timer also covers background tabs, where animation frames do not run.
   */
  function schedule() {
    if (state.scheduled) return;
    state.scheduled = true;
    let timer = 0;
    const run = () => {
      if (!state.scheduled) return;
      state.scheduled = false;
      clearTimeout(timer);
      judgeAdded();
    };
    if (!state.slow) requestAnimationFrame(run);
    timer = setTimeout(run, state.slow ? 250 : 100);
  }

  function judgeAdded() {
    if (!state.cleaned || !state.analyzer) return;
    const engine = state.engineModule;
    const nodes = [...state.pending];
    state.pending.clear();
    const started = performance.now();
    let removed = 0;
    for (const root of topmost(nodes)) {
      if (!worthJudging(root)) continue;
      try {
        const { verdict } = state.analyzer.analyzeFragment(root.outerHTML, location.href, state.options);
        if (verdict.removals.length === 0) continue;
        const applied = engine.applyFragmentVerdict(root, verdict, state.mode);
        state.unlockedScroll ||= applied.unlockedScroll;
        count(verdict.removals);
        removed += verdict.removals.length;
      } catch (error) {
        console.warn('PlainPage: an added block was left as it is:', error);
      }
    }
    const ms = performance.now() - started;
    state.slow = ms > FRAME_BUDGET_MS;
    state.timings.lastFragments = ms;
    if (removed > 0) report();
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
    if (INERT.has(root.tagName) || root.hasAttribute(READER_ATTR)) return false;
    if (root.closest(`[${REMOVED_ATTR}]`)) return false; // already hidden
    const article = state.articleRoot;
    if (article && (article.contains(root) || root.contains(article))) return false;
    return root.textContent.trim().length > 0 || root.querySelector('button, input, a') !== null;
  }

  function keepScrollUnlocked() {
    if (!state.unlockedScroll || state.mode !== 'hide') return;
    for (const el of [document.documentElement, document.body]) {
      if (!el) continue;
      const overflow = getComputedStyle(el).overflowY;
      if (overflow === 'hidden' || overflow === 'clip') {
        el.style.setProperty('overflow-y', 'auto', 'important');
      }
    }
  }

  // ---- reader overlay ------------------------------------------------------------------------

  /**
   * Opens reader view: an extension frame above the untouched page. The page is serialized
   * first; the frame (the extension's own origin, its own CSS and CSP) extracts and renders the
   * article. The page is not changed apart from the frame element, so its scroll position, form
   * input and script state are there when the frame goes.
   */
  function openReader() {
    const opened = performance.now();
    const html = document.documentElement.outerHTML;
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
    const reader = { frame, port: channel.port1, focus: document.activeElement, opened };
    channel.port1.onmessage = (event) => {
      const data = event.data ?? {};
      if (data.type === 'close') closeReader();
      else if (data.type === 'painted') state.timings.readerPainted = performance.now() - opened;
      else if (data.type === 'error') console.warn('PlainPage reader view:', data.message);
    };
    frame.addEventListener(
      'load',
      () => {
        const origin = new URL(api.runtime.getURL('')).origin;
        frame.contentWindow.postMessage({ type: 'plainpage:page', html, url: location.href }, origin, [channel.port2]);
        frame.focus();
      },
      { once: true },
    );
    frame.src = api.runtime.getURL('reader.html');
    state.timings.readerPainted = undefined;
    document.documentElement.appendChild(frame);
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
      mode: state.mode,
      counts: { ...state.counts },
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
        return setMode(message.mode);
      case MSG.CS_RESTORE:
        return restoreAll();
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
