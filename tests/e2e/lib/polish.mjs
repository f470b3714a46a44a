// What both browsers' tests check about the reader's progress bar and about category switches
// made on the options page reaching a tab that is already cleaned. The in-page functions are
// written without closures, so both suites can send them as source.
import assert from 'node:assert/strict';

/**
 * Runs in the reader frame: the progress bar's role and values, how much of it is filled, where it
 * ends against the toolbar's controls, and its colour against the theme's link colour.
 */
export function readerProgress() {
  const bar = document.getElementById('progress');
  const fill = bar.firstElementChild;
  const box = bar.getBoundingClientRect();
  const probe = document.createElement('span');
  probe.style.color = 'var(--link)';
  document.body.append(probe);
  const link = getComputedStyle(probe).color;
  probe.remove();
  const controls = [...document.querySelectorAll('.toolbar button, .toolbar output')].map((c) => c.getBoundingClientRect().top);
  const scroller = document.scrollingElement;
  return {
    role: bar.getAttribute('role'),
    min: bar.getAttribute('aria-valuemin'),
    max: bar.getAttribute('aria-valuemax'),
    now: Number(bar.getAttribute('aria-valuenow')),
    filled: Math.round((100 * fill.getBoundingClientRect().width) / box.width),
    position: getComputedStyle(bar).position,
    top: box.top,
    bottom: box.bottom,
    controlsTop: Math.min(...controls),
    clicks: getComputedStyle(bar).pointerEvents,
    colour: getComputedStyle(fill).backgroundColor,
    link,
    scrollTop: scroller.scrollTop,
    room: scroller.scrollHeight - scroller.clientHeight,
  };
}

/** The bar as it must be at `percent` (0 at the top, 100 at the end), in a browser's words. */
export function assertProgress(seen, percent, where) {
  const what = `${where}: the reading progress bar (${JSON.stringify(seen)})`;
  assert.equal(seen.role, 'progressbar', what);
  assert.deepEqual([seen.min, seen.max], ['0', '100'], what);
  assert.equal(seen.now, percent, what);
  assert.ok(Math.abs(seen.filled - percent) <= 1, `${what}: filled ${seen.filled} %, not ${percent} %`);
  assert.equal(seen.position, 'fixed', what);
  assert.equal(seen.top, 0, `${what}: not at the top`);
  assert.ok(seen.bottom <= seen.controlsTop, `${what}: it covers the toolbar's controls`);
  assert.equal(seen.clicks, 'none', `${what}: it takes clicks`);
  assert.equal(seen.colour, seen.link, `${what}: not the theme's colour`);
  assert.ok(seen.room > 500, `${what}: the article should scroll`);
}

/** Runs in the page: every block PlainPage marked, by ordinal (querySelectorAll('*') order). */
export function marksByOrdinal() {
  return [...document.querySelectorAll('*')].flatMap((el, ordinal) => {
    const category = el.getAttribute('data-plainpage-removed');
    return category ? [{ ordinal, category }] : [];
  });
}

/** Runs in the page: the mark and display of the elements at these ordinals. */
export function blocksAt(ordinals) {
  const all = document.querySelectorAll('*');
  return ordinals.map((ordinal) => ({
    ordinal,
    mark: all[ordinal].getAttribute('data-plainpage-removed'),
    display: getComputedStyle(all[ordinal]).display,
  }));
}

/** The category to switch off: the one with the most blocks on a page where another has some too. */
export function categoryToSwitch(counts) {
  const present = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  assert.ok(present.length >= 2, `the page needs blocks of two categories: ${JSON.stringify(counts)}`);
  return present[0][0];
}

/**
 * After `off` was switched off: its blocks are back (unmarked, at least one shown), every other
 * block is still hidden with its category.
 */
export function assertSwitchedOff(marked, now, off, where) {
  const byOrdinal = new Map(now.map((b) => [b.ordinal, b]));
  const back = marked.filter((m) => m.category === off);
  for (const m of back) assert.equal(byOrdinal.get(m.ordinal).mark, null, `${where}: a ${off} block is still marked`);
  assert.ok(back.some((m) => byOrdinal.get(m.ordinal).display !== 'none'), `${where}: no ${off} block is shown again`);
  for (const m of marked.filter((x) => x.category !== off)) {
    const b = byOrdinal.get(m.ordinal);
    assert.deepEqual([b.mark, b.display], [m.category, 'none'], `${where}: a ${m.category} block is not hidden any more`);
  }
}

/** Runs in the options page: the status line's text and how it is announced. */
export function savedLine() {
  const line = document.getElementById('saved');
  return { text: line.textContent, role: line.getAttribute('role'), live: line.getAttribute('aria-live') };
}
