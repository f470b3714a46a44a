// Messages between the extension's parts, named by their recipient, and the one guard every
// listener uses. A classic script with no exports, so that it loads the same way everywhere: as a
// content script file, with <script src> in the popup and options pages, and as a side-effect
// import in the background module.
'use strict';

globalThis.PlainPage ??= Object.freeze({
  /** The WebExtension namespace: Firefox's `browser`, Chrome's `chrome` (both promise-based). */
  api: globalThis.browser ?? globalThis.chrome,

  /** Message types. `bg:` goes to the background, `cs:` to a tab's content script. */
  MSG: Object.freeze({
    // popup / options → background
    TOGGLE_READER: 'bg:toggle-reader', // { tabId }
    ENABLE_SITE: 'bg:enable-site', // { host | all: true, tabId? }
    DISABLE_SITE: 'bg:disable-site', // { host, tabId? }
    CLEAN_TAB: 'bg:clean-tab', // { tabId } → status: clean the tab once (activeTab is enough)
    // content script → background
    ANALYZE: 'bg:analyze', // { html, url, fragment } → { verdict, timings, worker }
    REMOVED_COUNT: 'bg:removed-count', // { total }
    KEEP_BLOCK: 'bg:keep-block', // { selector, category, preview }: always keep it on the sender's site
    // background / popup → content script
    CS_TOGGLE_READER: 'cs:toggle-reader',
    CS_CLEAN: 'cs:clean', // clean now (the site was just allowed, or "Clean this page" / "Clean again")
    CS_STATUS: 'cs:status', // → { cleaned, restored, mode, counts, total, readerOpen, timings }
    CS_SET_MODE: 'cs:set-mode', // { mode: 'hide' | 'outline', only?: category (outline just that one) }
    CS_RESTORE: 'cs:restore', // everything back as it was, cleaning off for this page
    CS_REAPPLY: 'cs:reapply', // the categories changed: a cleaned page is cleaned again with them
  }),

  /** The guard: a message is an object whose `type` is one of ours. */
  isMessage(message, prefix) {
    return (
      message !== null &&
      typeof message === 'object' &&
      typeof message.type === 'string' &&
      message.type.startsWith(prefix) &&
      Object.values(globalThis.PlainPage.MSG).includes(message.type)
    );
  },
});
