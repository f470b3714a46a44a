// The options page: categories, the sites cleaned automatically (the allowlist, every site, and
// exceptions), the blocks always kept on a site (from "Show removed"), reader-view defaults, and
// custom element-hiding rules with imported list files.
// Rules are compiled here once per change with the wasm engine, and the report of what each list
// contributed (with every unsupported line and why) is shown.
import init, { compileRules } from './pkg/plainpage.js';

const { api, MSG } = globalThis.PlainPage;
const Settings = globalThis.PlainPageSettings;
const { COLOURS } = globalThis.PlainPageApplier;

const $ = (id) => document.getElementById(id);
const engineReady = init({ module_or_path: new URL('pkg/plainpage_bg.wasm', import.meta.url) });
const LABELS = {
  subscribe: 'Subscription and sign-in prompts, upsells',
  newsletter: 'Newsletter sign-up boxes',
  related: 'Related, recommended and top-stories rails',
  'app-promo': 'App promotions',
  social: 'Social share and follow buttons',
  ad: 'Ads',
};

let settings = await Settings.load();
/** Imported lists being edited: { name, text, category? }. */
let lists = settings.rules.lists.map((l) => ({ ...l }));

/** How long "Saved." stays in the status line after a change is stored. */
const SAVED_MS = 2000;
let savedTimer = 0;

/** Stores a change and then says "Saved." in the status line (cleared after SAVED_MS). */
async function store(partial) {
  await Settings.save(partial);
  announceSaved();
}

/**
 * A change the background stores (a site allowed or not, every site on): its answer, and then
 * "Saved." as for the changes stored here. A refusal throws, and nothing is announced.
 */
async function storeThroughBackground(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer?.ok) throw new Error(answer?.error ?? 'the background did not answer');
  if (answer.result?.pending) throw new Error('access to the site was not granted');
  announceSaved();
  return answer.result;
}

function announceSaved() {
  $('saved').textContent = 'Saved.';
  clearTimeout(savedTimer);
  savedTimer = setTimeout(() => {
    $('saved').textContent = '';
  }, SAVED_MS);
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

// ---- categories ----------------------------------------------------------------------------------

$('categories').replaceChildren(
  ...Settings.CATEGORIES.map((c) => {
    const box = el('input', { type: 'checkbox', checked: settings.categories[c] !== false });
    box.dataset.category = c;
    box.addEventListener('change', async () => {
      // Open tabs PlainPage cleaned are cleaned again with the new set (the background tells them).
      settings.categories = { ...settings.categories, [c]: box.checked };
      await store({ categories: settings.categories });
    });
    return el('label', {}, box, ` ${LABELS[c]}`);
  }),
);

// ---- sites -----------------------------------------------------------------------------------------

async function renderSites() {
  settings = await Settings.load();
  const granted = (await api.permissions.getAll()).origins ?? [];
  const all = settings.allSites && granted.includes(Settings.ALL_SITES);
  $('all-sites').checked = all;
  $('excluded-box').hidden = !all;
  if (document.activeElement !== $('excluded')) $('excluded').value = settings.excluded.join('\n');
  const hosts = Object.keys(settings.sites).filter((h) => settings.sites[h]).sort();
  $('sites').replaceChildren(
    ...hosts.map((host) => {
      const remove = el('button', { type: 'button', textContent: 'Remove' });
      remove.addEventListener('click', async () => {
        try {
          await storeThroughBackground({ type: MSG.DISABLE_SITE, host });
          if (!all) await api.permissions.remove({ origins: [Settings.patternFor(host)] }).catch(() => {});
        } catch (error) {
          $('sites-note').textContent = `${host} could not be removed: ${error.message ?? error}`;
        }
        await renderSites();
      });
      const missing = !all && !granted.includes(Settings.patternFor(host));
      const row = el('li', {}, host, missing ? el('span', { className: 'note', textContent: ' (access not granted)' }) : '', remove);
      row.dataset.host = host;
      return row;
    }),
  );
  if (hosts.length === 0) $('sites').replaceChildren(el('li', { className: 'note', textContent: 'No sites yet.' }));
}

function normalizeHost(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return Settings.hostOf(/^https?:\/\//.test(trimmed) ? trimmed : `https://${trimmed}/`);
}

$('add-site').addEventListener('submit', async (event) => {
  event.preventDefault();
  const host = normalizeHost($('new-site').value);
  if (!host) {
    $('sites-note').textContent = 'That is not a site name, such as news.example.com.';
    return;
  }
  const granted = await api.permissions.request({ origins: [Settings.patternFor(host)] });
  if (!granted) {
    $('sites-note').textContent = `PlainPage needs access to ${host} to clean it.`;
    return;
  }
  try {
    await storeThroughBackground({ type: MSG.ENABLE_SITE, host });
    $('new-site').value = '';
    $('sites-note').textContent = `${host} is cleaned from now on.`;
  } catch (error) {
    $('sites-note').textContent = `${host} could not be added: ${error.message ?? error}`;
  }
  await renderSites();
});

$('all-sites').addEventListener('change', async () => {
  try {
    if ($('all-sites').checked) {
      const granted = await api.permissions.request({ origins: [Settings.ALL_SITES] });
      if (granted) await storeThroughBackground({ type: MSG.ENABLE_SITE, all: true });
      else $('sites-note').textContent = 'Cleaning every site needs access to all sites.';
    } else {
      await store({ allSites: false });
      // A grant the browser gave at install (not through this page) cannot be taken back here.
      await api.permissions.remove({ origins: [Settings.ALL_SITES] }).catch(() => {});
    }
  } catch (error) {
    $('sites-note').textContent = `Not saved: ${error.message ?? error}`;
  }
  await renderSites();
});

$('excluded').addEventListener('change', async () => {
  const hosts = $('excluded').value.split(/\s+/).map(normalizeHost).filter(Boolean);
  await store({ excluded: [...new Set(hosts)] });
  await renderSites();
});

// ---- blocks always kept ------------------------------------------------------------------------

async function renderKept() {
  const { keep } = await Settings.load();
  const hosts = Object.keys(keep).filter((h) => Settings.keptOn({ keep }, h).length > 0).sort();
  if (hosts.length === 0) {
    $('kept').replaceChildren(el('li', { className: 'note', textContent: 'None yet.' }));
    return;
  }
  $('kept').replaceChildren(
    ...hosts.map((host) => {
      const rows = Settings.keptOn({ keep }, host).map((entry) => {
        const remove = el('button', { type: 'button', textContent: 'Delete' });
        remove.addEventListener('click', () => deleteKept(host, entry.selector));
        const swatch = el('span', { className: 'swatch', title: entry.category ?? '' });
        swatch.style.borderColor = COLOURS[entry.category] ?? 'currentColor';
        const row = el('li', {}, swatch, el('span', { textContent: entry.category ?? 'block' }),
          el('code', { textContent: entry.selector }),
          el('span', { className: 'preview', textContent: entry.preview ? `“${entry.preview}”` : '' }), remove);
        row.dataset.selector = entry.selector;
        return row;
      });
      const item = el('li', {}, el('strong', { textContent: host }), el('ul', {}, ...rows));
      item.dataset.host = host;
      return item;
    }),
  );
}

async function deleteKept(host, selector) {
  const { keep } = await Settings.load();
  const entries = Settings.keptOn({ keep }, host).filter((e) => e.selector !== selector);
  const next = { ...keep };
  if (entries.length > 0) next[host] = entries;
  else delete next[host];
  await store({ keep: next });
  await renderKept();
}

// Kept from a page's label while this page is open: shown at once.
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'keep' in changes) renderKept();
});

// ---- reader defaults -------------------------------------------------------------------------------

for (const key of ['theme', 'font', 'size', 'width']) {
  const input = $(key);
  input.value = String(settings.reader[key]);
  input.addEventListener('change', async () => {
    const value = key === 'size' ? Number(input.value) : input.value;
    const { min, max } = Settings.FONT_SIZES;
    if (key === 'size' && !(value >= min && value <= max)) {
      input.value = String(settings.reader.size);
      return;
    }
    settings.reader = { ...(await Settings.load()).reader, [key]: value };
    await store({ reader: settings.reader });
  });
}

// ---- custom rules ------------------------------------------------------------------------------------

$('custom').value = settings.rules.custom;

function renderLists() {
  $('lists').hidden = lists.length === 0;
  $('lists').tBodies[0].replaceChildren(
    ...lists.map((list, i) => {
      const category = el('select', {}, el('option', { value: '', textContent: 'from the name' }),
        ...Settings.CATEGORIES.map((c) => el('option', { value: c, textContent: c })));
      category.value = list.category ?? '';
      category.addEventListener('change', () => {
        list.category = category.value || undefined;
        dirty();
      });
      const remove = el('button', { type: 'button', textContent: 'Remove' });
      remove.addEventListener('click', () => {
        lists.splice(i, 1);
        renderLists();
        dirty();
      });
      const lines = list.text.split('\n').length;
      return el('tr', {}, el('td', { textContent: list.name }), el('td', { textContent: String(lines) }),
        el('td', {}, category), el('td', {}, remove));
    }),
  );
}

function dirty() {
  $('rules-saved').textContent = 'Not saved yet.';
}

$('custom').addEventListener('input', dirty);

/**
 * The imports being read, one after another (a file is read asynchronously after the change
 * event). Saving waits for them, so a list imported just before *Save rules* is in what is
 * compiled and saved, and its row is drawn before the save is reported. Without this, a click
 * that came before the read finished saved the lists without it, said "Saved", and the row
 * appeared afterwards.
 */
let importing = Promise.resolve();

$('import').addEventListener('change', () => {
  const files = [...$('import').files];
  $('import').value = '';
  importing = importing.then(() => importFiles(files)).catch((error) => {
    $('rules-saved').textContent = `The list could not be read: ${error.message ?? error}`;
  });
});

async function importFiles(files) {
  $('lists').setAttribute('aria-busy', 'true');
  try {
    for (const file of files) {
      const text = await file.text();
      const existing = lists.findIndex((l) => l.name === file.name);
      if (existing >= 0) lists[existing] = { ...lists[existing], text };
      else lists.push({ name: file.name, text });
    }
  } finally {
    $('lists').removeAttribute('aria-busy');
    renderLists();
    dirty();
  }
}

/** Compiles the lists (once per change) and shows what each one contributed. */
async function compileAndReport(custom, imported) {
  await engineReady;
  const input = [];
  if (custom.trim()) input.push({ name: 'custom rules', text: custom });
  for (const l of imported) input.push(l.category ? { name: l.name, text: l.text, category: l.category } : { name: l.name, text: l.text });
  if (input.length === 0) {
    $('report').replaceChildren(el('p', { className: 'note', textContent: 'No rules.' }));
    return true;
  }
  const started = performance.now();
  let rules;
  try {
    rules = compileRules(input);
  } catch (error) {
    $('report').replaceChildren(el('p', { className: 'bad', textContent: String(error.message ?? error) }));
    return false;
  }
  const ms = performance.now() - started;
  const reports = rules.report();
  const size = rules.size;
  rules.free();
  $('report').replaceChildren(
    el('p', { textContent: `${size} hiding rules compiled in ${ms.toFixed(0)} ms.` }),
    ...reports.map(reportOf),
  );
  return true;
}

function reportOf(r) {
  const share = r.hidingRules ? ((100 * r.supported) / r.hidingRules).toFixed(1) : '100';
  const summary = `${r.name}: ${r.supported} of ${r.hidingRules} element-hiding rules supported (${share} %); ` +
    `${r.networkSkipped} network rules and ${r.scriptletSkipped} scriptlets skipped (out of scope).`;
  const box = el('div', { className: 'list' }, el('p', { textContent: summary }));
  const lines = r.skippedLines.filter(([, why]) => !why.includes('out of scope'));
  if (lines.length > 0) {
    box.append(
      el('details', {}, el('summary', { className: 'bad', textContent: `${lines.length} lines not supported` }),
        el('ol', {}, ...lines.map(([n, why]) => el('li', { value: n, textContent: `line ${n}: ${why}` })))),
    );
  }
  return box;
}

/** Saves one at a time, each with the lists as they were when it started (after pending imports). */
let saving = Promise.resolve();

$('save-rules').addEventListener('click', () => {
  saving = saving.then(saveRules, saveRules);
});

async function saveRules() {
  await importing;
  const custom = $('custom').value;
  const imported = lists.map((l) => ({ ...l }));
  if (!(await compileAndReport(custom, imported))) {
    $('rules-saved').textContent = 'Not saved: the rules did not compile.';
    return;
  }
  try {
    await store({ rules: { custom, lists: imported } });
    $('rules-saved').textContent = 'Saved. Pages cleaned from now on use these rules.';
  } catch (error) {
    $('rules-saved').textContent = `Not saved: ${error.message ?? error}`;
  }
}

renderLists();
await renderSites();
await renderKept();
await compileAndReport(settings.rules.custom, lists);
document.body.dataset.ready = 'true';
