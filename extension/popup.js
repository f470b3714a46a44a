// The toolbar popup: reader view and its keyboard shortcut, "clean this page" (once, through
// activeTab), automatic cleaning for this site (or every site), what was removed by category,
// the legend of category colours (a click on a count outlines just that category), "show removed",
// "restore all" and then "clean again". `popup.html?tab=ID` targets a given tab
// (the end-to-end tests open the popup in a tab of its own that way).
const { api, MSG } = globalThis.PlainPage;
const Settings = globalThis.PlainPageSettings;
const { COLOURS } = globalThis.PlainPageApplier;

const $ = (id) => document.getElementById(id);
const LABELS = {
  subscribe: 'Subscription prompts',
  newsletter: 'Newsletter boxes',
  related: 'Related stories',
  'app-promo': 'App promotions',
  social: 'Social buttons',
  ad: 'Ads',
};

let tab = null;
let host = null;

/** The reader view command in the manifest. */
const READER_COMMAND = 'toggle-reader';
/** Firefox has no page for extension shortcuts of its own: they are a panel of about:addons. */
const IS_FIREFOX = api.runtime.getURL('').startsWith('moz-extension:');

async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return api.tabs.get(id);
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function toBackground(message) {
  const answer = await api.runtime.sendMessage(message);
  if (answer && answer.ok === false) throw new Error(answer.error);
  return answer?.result ?? null;
}

async function pageStatus() {
  try {
    return await api.tabs.sendMessage(tab.id, { type: MSG.CS_STATUS });
  } catch {
    return null; // no content script in the page: not cleaned, reader view not open
  }
}

async function refresh() {
  const settings = await Settings.load();
  const granted = (await api.permissions.getAll()).origins ?? [];
  const all = settings.allSites && granted.includes(Settings.ALL_SITES);
  $('host').textContent = host ?? 'This page cannot be cleaned';
  $('site-label').textContent = host ? `Clean ${host} automatically` : 'Clean this site';
  $('site').disabled = !host;
  $('site').checked = Boolean(host) && Settings.cleansHost(settings, host) &&
    (all || granted.includes(Settings.patternFor(host)));
  $('all').checked = all;
  $('reader').disabled = !tab || !/^https?:/.test(tab.url ?? 'https:');

  const status = host ? await pageStatus() : null;
  // Cleaned: what was removed. Restored: "Clean again". Neither: "Clean this page".
  $('clean-once').hidden = Boolean(status?.cleaned || status?.restored);
  $('clean-once').disabled = !host;
  $('restored').hidden = !status?.restored || status.cleaned;
  const removed = $('removed');
  removed.hidden = !status?.cleaned;
  if (!status?.cleaned) return;
  $('total').textContent = status.total === 1 ? '1 block' : `${status.total} blocks`;
  // The legend: every category with its outline colour and its count; a count is a button.
  $('counts').replaceChildren(
    ...Settings.CATEGORIES.map((c) => {
      const count = status.counts[c] ?? 0;
      const li = document.createElement('li');
      li.dataset.category = c;
      const button = document.createElement('button');
      button.type = 'button';
      button.disabled = count === 0;
      button.setAttribute('aria-pressed', String(status.mode === 'outline' && status.only === c));
      button.title = count ? `Outline only ${LABELS[c].toLowerCase()}` : `No ${LABELS[c].toLowerCase()} removed`;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.borderColor = COLOURS[c];
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = LABELS[c];
      const n = document.createElement('span');
      n.className = 'n';
      n.textContent = String(count);
      button.append(swatch, name, n);
      button.addEventListener('click', () => outlineOnly(c, status));
      li.append(button);
      return li;
    }),
  );
  $('show').checked = status.mode === 'outline';
  $('kept').hidden = !status.kept;
  $('kept').textContent = status.kept === 1
    ? '1 block is kept on this site (the options page lists it).'
    : `${status.kept} blocks are kept on this site (the options page lists them).`;
}

/** A click on a count: outline just that category (the rest stays hidden); again: all of them. */
async function outlineOnly(category, status) {
  const again = status.mode === 'outline' && status.only === category;
  await api.tabs.sendMessage(tab.id, { type: MSG.CS_SET_MODE, mode: 'outline', only: again ? undefined : category });
  await refresh();
}

/**
 * The reader view shortcut as the browser assigned it. A browser may leave the suggested key
 * unassigned (Chromium does when it is one of its own shortcuts, or another extension has it), and
 * the user may have removed it: then the popup says where to set one.
 */
async function showShortcut() {
  let shortcut = '';
  try {
    const commands = await api.commands.getAll();
    shortcut = commands.find((c) => c.name === READER_COMMAND)?.shortcut ?? '';
  } catch {
    // shown as not set
  }
  $('shortcut-keys').textContent = shortcut;
  $('shortcut').hidden = !shortcut;
  $('no-shortcut').hidden = Boolean(shortcut);
  if (shortcut) return;
  const button = $('set-shortcut');
  if (IS_FIREFOX) {
    $('shortcut-where').textContent = 'Set one in about:addons → ⚙ (the gear) → Manage Extension Shortcuts.';
    button.textContent = 'Open Manage Extension Shortcuts';
    button.hidden = typeof api.commands.openShortcutSettings !== 'function';
  } else {
    $('shortcut-where').textContent = '';
    button.textContent = 'Set one in chrome://extensions/shortcuts';
    button.hidden = false;
  }
}

function note(text) {
  $('cleaning-note').hidden = !text;
  $('cleaning-note').textContent = text ?? '';
}

// Permission requests must start inside the click, before anything is awaited. The intent goes
// to the background first (not awaited): Firefox closes the popup while it asks, and the
// background finishes the job when the permission arrives.
$('site').addEventListener('change', async () => {
  const box = $('site');
  note(null);
  try {
    if (box.checked) {
      const intent = { type: MSG.ENABLE_SITE, host, tabId: tab.id };
      api.runtime.sendMessage(intent).catch(() => {});
      const granted = await api.permissions.request({ origins: [Settings.patternFor(host)] });
      if (!granted) {
        box.checked = false;
        note('Cleaning needs access to this site.');
        return;
      }
      await toBackground(intent);
    } else {
      await toBackground({ type: MSG.DISABLE_SITE, host, tabId: tab.id });
    }
  } catch (error) {
    note(String(error.message ?? error));
  }
  await refresh();
});

$('all').addEventListener('change', async () => {
  const box = $('all');
  note(null);
  try {
    if (box.checked) {
      const intent = { type: MSG.ENABLE_SITE, all: true, host, tabId: host ? tab.id : undefined };
      api.runtime.sendMessage(intent).catch(() => {});
      const granted = await api.permissions.request({ origins: [Settings.ALL_SITES] });
      if (!granted) {
        box.checked = false;
        return;
      }
      await toBackground(intent);
    } else {
      await Settings.save({ allSites: false });
      await api.permissions.remove({ origins: [Settings.ALL_SITES] });
    }
  } catch (error) {
    note(String(error.message ?? error));
  }
  await refresh();
});

$('reader').addEventListener('click', async () => {
  try {
    await toBackground({ type: MSG.TOGGLE_READER, tabId: tab.id });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  } catch (error) {
    note(`Reader view could not open here: ${error.message ?? error}`);
  }
});

// Once, for this tab only: the background injects the content script (the click on the toolbar
// button granted activeTab) and it cleans. No host permission, and the site switch stays as it is.
async function cleanOnce() {
  note(null);
  try {
    await toBackground({ type: MSG.CLEAN_TAB, tabId: tab.id });
  } catch (error) {
    note(`This page could not be cleaned: ${error.message ?? error}`);
  }
  await refresh();
}

$('clean-once').addEventListener('click', cleanOnce);
$('clean-again').addEventListener('click', cleanOnce);

$('show').addEventListener('change', async () => {
  await api.tabs.sendMessage(tab.id, { type: MSG.CS_SET_MODE, mode: $('show').checked ? 'outline' : 'hide' });
  await refresh();
});

$('restore').addEventListener('click', async () => {
  await api.tabs.sendMessage(tab.id, { type: MSG.CS_RESTORE });
  await refresh();
});

$('options').addEventListener('click', () => api.runtime.openOptionsPage());

$('set-shortcut').addEventListener('click', async () => {
  try {
    if (IS_FIREFOX) await api.commands.openShortcutSettings();
    else await api.tabs.create({ url: 'chrome://extensions/shortcuts' });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  } catch (error) {
    $('shortcut-where').textContent = `The shortcuts page could not be opened: ${error.message ?? error}`;
  }
});

tab = await targetTab();
host = tab ? Settings.hostOf(tab.url ?? '') : null;
await Promise.all([refresh(), showShortcut()]);
document.body.dataset.ready = 'true';
