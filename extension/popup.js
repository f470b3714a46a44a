// The toolbar popup: reader view, automatic cleaning for this site (or every site), what was
// removed by category, "show removed", "restore all". `popup.html?tab=ID` targets a given tab
// (the end-to-end tests open the popup in a tab of its own that way).
const { api, MSG } = globalThis.PlainPage;
const Settings = globalThis.PlainPageSettings;

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
  const removed = $('removed');
  removed.hidden = !status?.cleaned;
  if (!status?.cleaned) return;
  $('total').textContent = status.total === 1 ? '1 block' : `${status.total} blocks`;
  $('counts').replaceChildren(
    ...Settings.CATEGORIES.filter((c) => status.counts[c]).map((c) => {
      const li = document.createElement('li');
      li.dataset.category = c;
      const name = document.createElement('span');
      name.textContent = LABELS[c];
      const n = document.createElement('span');
      n.textContent = String(status.counts[c]);
      li.append(name, n);
      return li;
    }),
  );
  $('show').checked = status.mode === 'outline';
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

$('show').addEventListener('change', async () => {
  await api.tabs.sendMessage(tab.id, { type: MSG.CS_SET_MODE, mode: $('show').checked ? 'outline' : 'hide' });
  await refresh();
});

$('restore').addEventListener('click', async () => {
  await api.tabs.sendMessage(tab.id, { type: MSG.CS_RESTORE });
  await refresh();
});

$('options').addEventListener('click', () => api.runtime.openOptionsPage());

tab = await targetTab();
host = tab ? Settings.hostOf(tab.url ?? '') : null;
await refresh();
document.body.dataset.ready = 'true';
