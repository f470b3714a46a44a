// Settings in storage.local: their defaults, loading with defaults filled in, and the host
// patterns that permissions and content-script registration use. A classic script (see
// messages.js).
'use strict';

globalThis.PlainPageSettings ??= (() => {
  const { api } = globalThis.PlainPage;

  const CATEGORIES = Object.freeze(['subscribe', 'newsletter', 'related', 'app-promo', 'social', 'ad']);
  const THEMES = Object.freeze(['light', 'sepia', 'dark', 'system']);
  const FONTS = Object.freeze(['serif', 'sans']);
  const WIDTHS = Object.freeze(['narrow', 'medium', 'wide']);
  const FONT_SIZES = Object.freeze({ min: 14, max: 28, step: 1 });
  /** The pattern optional_host_permissions asks for when the user allows every site. */
  const ALL_SITES = '*://*/*';

  const DEFAULTS = Object.freeze({
    /** Category → cleaned or not. */
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])),
    /** Host → true: sites the user allowed automatic cleaning on (the allowlist). */
    sites: {},
    /** Clean every site the user granted access to, except `excluded`. */
    allSites: false,
    /** Hosts never cleaned automatically while `allSites` is on. */
    excluded: [],
    /** Reader view: the toolbar changes these, the options page sets them too. */
    reader: { theme: 'system', font: 'serif', size: 19, width: 'medium' },
    /** Custom element-hiding rules: the text area, and imported list files ({ name, text }). */
    rules: { custom: '', lists: [] },
    /**
     * Host → blocks always kept there ("Always keep on this site" in "Show removed"):
     * [{ selector, category, preview }], the selector from labels.js (keyOf).
     */
    keep: {},
  });

  async function load() {
    const stored = await api.storage.local.get(Object.keys(DEFAULTS));
    const settings = structuredClone(DEFAULTS);
    for (const key of Object.keys(DEFAULTS)) {
      const value = stored[key];
      if (value === undefined) continue;
      const isObject = typeof DEFAULTS[key] === 'object' && !Array.isArray(DEFAULTS[key]);
      settings[key] = isObject ? { ...settings[key], ...value } : value;
    }
    return settings;
  }

  function save(partial) {
    return api.storage.local.set(partial);
  }

  /** The match pattern for one host: http and https, every path. */
  function patternFor(host) {
    return `*://${host}/*`;
  }

  /** The host of a page cleaning can apply to (http or https), or null. */
  function hostOf(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
    } catch {
      return null;
    }
  }

  function enabledCategories(settings) {
    return CATEGORIES.filter((c) => settings.categories[c] !== false);
  }

  /** Whether automatic cleaning is on for this host by the user's settings. */
  function cleansHost(settings, host) {
    if (!host) return false;
    if (settings.allSites) return !settings.excluded.includes(host);
    return settings.sites[host] === true;
  }

  /** The blocks always kept on a host: [{ selector, category, preview }]. */
  function keptOn(settings, host) {
    const entries = host ? settings.keep[host] : undefined;
    return Array.isArray(entries) ? entries.filter((e) => e && typeof e.selector === 'string' && e.selector) : [];
  }

  /** The filter lists to compile: the custom rules, then each imported list. */
  function ruleLists(settings) {
    const lists = [];
    if (settings.rules.custom.trim()) lists.push({ name: 'custom rules', text: settings.rules.custom });
    for (const list of settings.rules.lists) {
      if (list && typeof list.text === 'string' && list.text.trim()) {
        lists.push({ name: String(list.name || 'imported list'), text: list.text });
      }
    }
    return lists;
  }

  return Object.freeze({
    CATEGORIES, THEMES, FONTS, WIDTHS, FONT_SIZES, ALL_SITES, DEFAULTS,
    load, save, patternFor, hostOf, enabledCategories, cleansHost, keptOn, ruleLists,
  });
})();
