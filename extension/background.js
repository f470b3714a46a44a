// The background: the engine for cleaning (the wasm module judges the HTML content scripts send;
// the user's rules are compiled once per change), the reader toggle (popup button and keyboard
// shortcut), cleaning one tab once ("Clean this page", "Clean again"), turning automatic cleaning
// on and off per site, registering the cleaner for the granted origins, and the toolbar badge. It
// keeps no page data and makes no network requests (the only fetch is of its own .wasm file).
import './messages.js';
import './settings.js';
import init, { analyze, analyzeFragment, compileRules } from './pkg/plainpage.js';

const { api, MSG, isMessage } = globalThis.PlainPage;
const Settings = globalThis.PlainPageSettings;

/** The id of the registered cleaner (one registration for every allowed origin). */
const CLEANER_ID = 'plainpage-cleaner';
/** The content script's files, in order: the same list for registration and for injection. */
const CONTENT_FILES = ['messages.js', 'settings.js', 'applier.js', 'labels.js', 'content.js'];

// ---- the engine ------------------------------------------------------------------------------

const initStarted = performance.now();
/** How long the module took to load and instantiate, once it has (ms; for tests' timings). */
let initMs = null;
const engineReady = init({ module_or_path: new URL('pkg/plainpage_bg.wasm', import.meta.url) }).then((exports) => {
  initMs = performance.now() - initStarted;
  return exports;
});

/** What the engine runs with: options from the settings, and the compiled rules (or none). */
let engineSetup = null;

function setup() {
  engineSetup ??= (async () => {
    const [settings] = await Promise.all([Settings.load(), engineReady]);
    const lists = Settings.ruleLists(settings);
    let rules = null;
    if (lists.length > 0) {
      try {
        rules = compileRules(lists);
      } catch (error) {
        console.warn('PlainPage: the custom rules could not be compiled; cleaning without them.', error);
      }
    }
    return { rules, options: { categories: Settings.enabledCategories(settings) } };
  })();
  return engineSetup;
}

/**
 * Judges a page (or a subtree added to it later) a content script sent. The answer's `worker`
 * says where the time went here (ms on this context's clock): waiting for the engine's setup
 * (the module and the compiled rules; `cold` when the module was not ready yet), the wasm call,
 * and the whole handling; `initMs` is the module's load and instantiation at startup.
 */
async function judge({ html, url, fragment }, sender, received) {
  if (typeof html !== 'string' || !sender.tab) throw new Error('only a page can be judged');
  const cold = initMs === null;
  const { rules, options } = await setup();
  const ready = performance.now();
  const pageUrl = typeof url === 'string' ? url : sender.tab.url;
  let result;
  if (fragment) result = rules ? rules.analyzeFragment(html, pageUrl, options) : analyzeFragment(html, pageUrl, options);
  else result = rules ? rules.analyze(html, pageUrl, options) : analyze(html, pageUrl, options);
  const done = performance.now();
  result.worker = { wait: ready - received, call: done - ready, handled: done - received, cold, initMs, origin: performance.timeOrigin, received };
  return result;
}

/** Runs the content script in a tab (once: content.js ignores a second injection). */
async function inject(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

/** Sends a message to a tab's content script, injecting it first if it is not there yet. */
async function tellTab(tabId, message) {
  try {
    return await api.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in the tab yet (reader view through activeTab, or a site just allowed).
    await inject(tabId);
    return api.tabs.sendMessage(tabId, message);
  }
}

async function toggleReader(tabId) {
  return tellTab(tabId, { type: MSG.CS_TOGGLE_READER });
}

/**
 * Cleans a tab once, for "Clean this page" and "Clean again". The content script is injected if
 * it is not there yet: the user's click on the toolbar button granted activeTab for the tab, and
 * that is all this needs. No host permission is asked for and the site's settings stay as they are.
 */
async function cleanTab(tabId) {
  const status = await tellTab(tabId, { type: MSG.CS_CLEAN });
  if (status?.error) throw new Error(status.error);
  return status;
}

/** Whether a granted origin list covers every site. */
function coversAll(origins) {
  return origins.some((o) => o === Settings.ALL_SITES || o === '<all_urls>');
}

/**
 * Registers the cleaner for the origins that are both allowed in the settings and granted by
 * the user (at document_idle), or unregisters it when there are none. Runs one at a time.
 */
let syncing = Promise.resolve();
function syncRegistration() {
  syncing = syncing.then(registerCleaner, registerCleaner).catch((error) => {
    console.error('PlainPage: could not register the cleaner:', error);
  });
  return syncing;
}

async function registerCleaner() {
  const settings = await Settings.load();
  const granted = (await api.permissions.getAll()).origins ?? [];
  let matches;
  let excludeMatches = [];
  if (settings.allSites && coversAll(granted)) {
    matches = [Settings.ALL_SITES];
    excludeMatches = settings.excluded.map(Settings.patternFor);
  } else {
    matches = Object.keys(settings.sites)
      .filter((host) => settings.sites[host] === true)
      .map(Settings.patternFor)
      .filter((pattern) => coversAll(granted) || granted.includes(pattern));
  }
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [CLEANER_ID] });
  if (registered.length > 0) await api.scripting.unregisterContentScripts({ ids: [CLEANER_ID] });
  if (matches.length === 0) return;
  const script = { id: CLEANER_ID, js: CONTENT_FILES, matches, runAt: 'document_idle', allFrames: false };
  if (excludeMatches.length > 0) script.excludeMatches = excludeMatches;
  await api.scripting.registerContentScripts([script]);
}

/**
 * A request to allow a site whose permission is still being asked for. Firefox closes the popup
 * while it asks, so the popup sends its intent first and the background carries it out when the
 * permission is granted (within two minutes).
 */
let pendingIntent = null;

/** Allows automatic cleaning on one host or on every granted site, and cleans the tab now. */
async function enableSite(intent) {
  const { host, all, tabId } = intent;
  const pattern = all ? Settings.ALL_SITES : Settings.patternFor(host);
  if (!(await api.permissions.contains({ origins: [pattern] }))) {
    pendingIntent = { ...intent, at: Date.now() };
    return { pending: true };
  }
  pendingIntent = null;
  const settings = await Settings.load();
  if (all) {
    await Settings.save({ allSites: true, excluded: settings.excluded.filter((h) => h !== host) });
  } else if (host) {
    await Settings.save({
      sites: { ...settings.sites, [host]: true },
      excluded: settings.excluded.filter((h) => h !== host),
    });
  }
  await syncRegistration();
  if (Number.isInteger(tabId)) await tellTab(tabId, { type: MSG.CS_CLEAN });
  return { ok: true };
}

/** Stops cleaning a host (with every site allowed, the host is excluded) and restores the tab. */
async function disableSite({ host, tabId }) {
  const settings = await Settings.load();
  const sites = { ...settings.sites };
  delete sites[host];
  const excluded = settings.allSites && !settings.excluded.includes(host) ? [...settings.excluded, host] : settings.excluded;
  await Settings.save({ sites, excluded });
  await syncRegistration();
  if (Number.isInteger(tabId)) {
    await api.tabs.sendMessage(tabId, { type: MSG.CS_RESTORE }).catch(() => {});
    await api.action.setBadgeText({ tabId, text: '' });
  }
  return { ok: true };
}

/**
 * "Always keep on this site": saves a block's selector as an exception for the site of the page
 * that asked (from the sender, not the message). Later cleanings of that site leave it alone; the
 * options page lists the exceptions and deletes them.
 */
let keeping = Promise.resolve();
function keepBlock({ selector, category, preview }, sender) {
  const host = Settings.hostOf(sender.url ?? sender.tab?.url ?? '');
  if (!host || !sender.tab) throw new Error('only a page can keep a block');
  if (typeof selector !== 'string' || !selector || selector.length > 500) throw new Error('the block has no selector');
  const entry = {
    selector,
    category: Settings.CATEGORIES.includes(category) ? category : null,
    preview: typeof preview === 'string' ? preview.slice(0, 120) : '',
  };
  // One at a time, so two clicks in a row both end up in the list.
  keeping = keeping.catch(() => {}).then(async () => {
    const settings = await Settings.load();
    const entries = Settings.keptOn(settings, host).filter((e) => e.selector !== selector);
    await Settings.save({ keep: { ...settings.keep, [host]: [...entries, entry] } });
    return { host, ...entry };
  });
  return keeping;
}

async function handle(message, sender, received) {
  switch (message.type) {
    case MSG.ANALYZE:
      return judge(message, sender, received);
    case MSG.TOGGLE_READER:
      return toggleReader(message.tabId);
    case MSG.ENABLE_SITE:
      return enableSite(message);
    case MSG.DISABLE_SITE:
      return disableSite(message);
    case MSG.CLEAN_TAB:
      return cleanTab(message.tabId);
    case MSG.KEEP_BLOCK:
      return keepBlock(message, sender);
    case MSG.REMOVED_COUNT: {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      const text = message.total > 0 ? String(message.total) : '';
      await api.action.setBadgeText({ tabId, text });
      await api.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' });
      return null;
    }
    default:
      return null;
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!isMessage(message, 'bg:')) return false;
  handle(message, sender, performance.now()).then(
    (result) => sendResponse({ ok: true, result: result ?? null }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true; // answered asynchronously
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-reader') return;
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id !== undefined) await toggleReader(target.id).catch((e) => console.warn('PlainPage:', e));
});

api.runtime.onInstalled.addListener(() => syncRegistration());
api.runtime.onStartup.addListener(() => syncRegistration());
api.permissions.onAdded.addListener(() => {
  const intent = pendingIntent;
  if (intent && Date.now() - intent.at < 120_000) {
    enableSite(intent).catch((e) => console.warn('PlainPage:', e));
  } else {
    syncRegistration();
  }
});
api.permissions.onRemoved.addListener(() => syncRegistration());
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if ('sites' in changes || 'allSites' in changes || 'excluded' in changes) syncRegistration();
  if ('rules' in changes || 'categories' in changes) {
    // Compiled again on the next page, once per change.
    const old = engineSetup;
    engineSetup = null;
    old?.then(({ rules }) => rules?.free()).catch(() => {});
  }
  if ('categories' in changes) reapplyInTabs().catch((e) => console.warn('PlainPage:', e));
});

/**
 * The categories changed: every tab's content script is told to clean again with them (only the
 * pages it cleaned act on it). engineSetup was reset first, so their requests use the new set.
 * Tabs without the content script refuse the message; no permission is needed to send it.
 */
async function reapplyInTabs() {
  const tabs = await api.tabs.query({});
  await Promise.all(tabs.map((tab) => api.tabs.sendMessage(tab.id, { type: MSG.CS_REAPPLY }).catch(() => {})));
}
