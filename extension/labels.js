// "Show removed": a label on each outlined block with its category and the engine's reason in
// words, and two controls, *Restore* (this block) and *Always keep on this site*. A classic
// content-script file (see messages.js), loaded after applier.js.
//
// The labels live in one host element (<plainpage-labels data-plainpage-ui>) with an open shadow
// root, added to <html> while labels are shown and removed with them, so the page's HTML is as it
// was once "Show removed" is off. The page's style sheets do not reach into the shadow root, and
// `all: initial` on the host stops inherited styles; everything is styled through the CSSOM,
// which a page's Content-Security-Policy does not govern (a <style> element would need
// 'unsafe-inline'). The controls act only on trusted events (a real click or key press), so a
// page script reaching into the open shadow root cannot keep its own prompts.
//
// keyOf(el) is how "Always keep on this site" names a block so that it is found again after a
// reload: a short CSS selector of tag, id and classes from the block up to the nearest ancestor
// with an id (at most four steps, `body >` in front when the path reaches it). Ordinals are not
// used: they change when the page changes anywhere above the block. Ids and classes with three
// digits in a row are left out, as they are usually generated per page view.
'use strict';

globalThis.PlainPageLabels ??= (() => {
  const { UI, COLOURS } = globalThis.PlainPageApplier;
  const HOST_TAG = 'plainpage-labels';
  const MAX_STEPS = 4;
  const GENERATED = /\d{3}/;

  const HOST_STYLE = {
    all: 'initial', position: 'absolute', top: '0', left: '0', width: '0', height: '0',
    overflow: 'visible', display: 'block', 'z-index': '2147483646', 'pointer-events': 'none',
  };
  const LABEL_STYLE = {
    position: 'absolute', display: 'flex', 'flex-wrap': 'wrap', 'align-items': 'center', gap: '4px 6px',
    // The host is 0 × 0, so a label takes its own width rather than shrinking to its longest word.
    'box-sizing': 'border-box', width: 'max-content', 'max-width': 'min(32em, calc(100vw - 24px))', margin: '0', padding: '4px 6px',
    background: '#ffffff', color: '#1b1b1b', 'border-radius': '4px', 'border-style': 'solid', 'border-width': '2px',
    'box-shadow': '0 1px 4px rgba(0, 0, 0, 0.35)', 'pointer-events': 'auto', 'text-align': 'left',
    font: '12px/1.35 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif',
    direction: 'ltr', 'white-space': 'normal', 'overflow-wrap': 'anywhere',
  };
  const CHIP_STYLE = { color: '#ffffff', 'font-weight': '600', padding: '0 5px', 'border-radius': '3px' };
  const REASON_STYLE = { flex: '1 1 0', 'min-width': '12em' };
  const CONTROLS_STYLE = { display: 'flex', gap: '6px', 'flex-basis': '100%' };
  const BUTTON_STYLE = {
    font: 'inherit', 'font-size': '11px', margin: '0', padding: '1px 6px', color: '#111111',
    background: '#f2f2f2', border: '1px solid #8a8a8a', 'border-radius': '3px', cursor: 'pointer',
  };

  function css(el, style) {
    for (const [property, value] of Object.entries(style)) el.style.setProperty(property, value, 'important');
    return el;
  }

  function step(el) {
    let text = CSS.escape(el.localName);
    const id = el.id && !GENERATED.test(el.id) ? el.id : '';
    if (id) text += `#${CSS.escape(id)}`;
    for (const c of [...el.classList].filter((c) => !GENERATED.test(c)).slice(0, 3)) text += `.${CSS.escape(c)}`;
    return { text, anchored: Boolean(id) };
  }

  /** A selector for a block that survives a reload of the same page (see the top of the file). */
  function keyOf(el) {
    const steps = [];
    let node = el;
    for (; node && steps.length < MAX_STEPS; node = node.parentElement) {
      if (node.localName === 'body' || node.localName === 'html') break;
      const { text, anchored } = step(node);
      steps.unshift(text);
      if (anchored) break;
    }
    if (node?.localName === 'body') steps.unshift('body');
    return steps.join(' > ');
  }

  /** Whether an element matches a kept selector (a selector that no longer parses matches nothing). */
  function matches(el, selector) {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  }

  const state = { host: null, root: null, labels: new Map(), resize: null, frame: 0 };

  function button(text, action, onClick) {
    const b = css(document.createElement('button'), BUTTON_STYLE);
    b.type = 'button';
    b.dataset.action = action;
    b.textContent = text;
    b.addEventListener('click', (event) => {
      event.stopPropagation();
      if (event.isTrusted) onClick();
    });
    return b;
  }

  function labelFor({ el, removal }, handlers) {
    const colour = COLOURS[removal.category];
    const label = css(document.createElement('div'), { ...LABEL_STYLE, 'border-color': colour });
    label.dataset.category = removal.category;
    label.dataset.key = keyOf(el);
    label.setAttribute('role', 'group');
    label.setAttribute('aria-label', `Removed by PlainPage: ${removal.category}`);
    const chip = css(document.createElement('span'), { ...CHIP_STYLE, background: colour });
    chip.className = 'category';
    chip.textContent = removal.category;
    const reason = css(document.createElement('span'), REASON_STYLE);
    reason.className = 'reason';
    reason.textContent = removal.reason;
    const controls = css(document.createElement('div'), CONTROLS_STYLE);
    controls.append(
      button('Restore', 'restore', () => handlers.onRestore(el)),
      button('Always keep on this site', 'keep', () => handlers.onKeep(el)),
    );
    label.append(chip, reason, controls);
    return label;
  }

  /** Shows a label on each of these blocks ({ el, removal }), replacing any shown before. */
  function show(document, blocks, handlers) {
    hide();
    if (blocks.length === 0) return;
    const host = css(document.createElement(HOST_TAG), HOST_STYLE);
    host.setAttribute(UI, '');
    const root = host.attachShadow({ mode: 'open' });
    for (const block of blocks) {
      const label = labelFor(block, handlers);
      state.labels.set(block.el, label);
      root.append(label);
    }
    document.documentElement.append(host);
    state.host = host;
    state.root = root;
    place();
    state.resize = new ResizeObserver(schedule);
    state.resize.observe(document.documentElement);
    for (const { el } of blocks) state.resize.observe(el);
    addEventListener('resize', schedule);
  }

  function schedule() {
    if (state.frame) return;
    state.frame = requestAnimationFrame(() => {
      state.frame = 0;
      place();
    });
  }

  /**
   * Puts each label at the top left corner of its block, inside the outline; a label that would
   * cover one placed before it goes below that one.
   */
  function place() {
    if (!state.host) return;
    const origin = state.host.getBoundingClientRect();
    const placed = [];
    const items = [...state.labels].map(([el, label]) => ({ label, rect: el.getBoundingClientRect() }));
    items.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
    for (const { label, rect } of items) {
      let left = Math.max(0, rect.left - origin.left + 3);
      let top = Math.max(0, rect.top - origin.top + 3);
      label.style.setProperty('left', `${left}px`, 'important');
      label.style.setProperty('top', `${top}px`, 'important');
      const width = label.offsetWidth;
      const height = label.offsetHeight;
      for (const other of placed) {
        const overlaps = left < other.left + other.width && other.left < left + width && top < other.top + other.height && other.top < top + height;
        if (overlaps) top = other.top + other.height + 2;
      }
      label.style.setProperty('top', `${top}px`, 'important');
      placed.push({ left, top, width, height });
    }
  }

  /** Takes one block's label away (it was restored or kept). */
  function drop(el) {
    state.labels.get(el)?.remove();
    state.labels.delete(el);
    if (state.labels.size === 0) hide();
    else schedule();
  }

  /** Takes every label and their host out of the page. */
  function hide() {
    state.resize?.disconnect();
    state.resize = null;
    removeEventListener('resize', schedule);
    if (state.frame) cancelAnimationFrame(state.frame);
    state.frame = 0;
    state.host?.remove();
    state.host = state.root = null;
    state.labels.clear();
  }

  return Object.freeze({ keyOf, matches, show, drop, hide });
})();
