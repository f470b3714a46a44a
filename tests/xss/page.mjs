// What runs inside the browser during the XSS proof, as plain functions: Playwright passes them
// to page.evaluate, the WebDriver client sends their source. None of them is part of the page.

/** The sentinel: installed before the page's own content is parsed. Any script a vector runs
 *  calls it (directly, or through the alert family) and it records the call and reports it to
 *  the test server out of band. */
export function installSentinel(origin) {
  if (window.__pwnedLog) return;
  const log = [];
  Object.defineProperty(window, '__pwnedLog', { value: log });
  const hit = (how) =>
    function (what) {
      log.push(`${how}(${String(what)})`);
      try {
        fetch(`${origin}/__pwned/${how}/${encodeURIComponent(String(what))}`);
      } catch {
        // the record in the log is enough
      }
    };
  window.__pwned = hit('sentinel');
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = hit(name);
  document.addEventListener('securitypolicyviolation', (e) => log.push(`csp(${e.violatedDirective} ${e.blockedURI})`));
}

/** The product's reader view (extension/reader.js `render`): the engine's sanitized article
 *  parsed inertly with DOMParser and moved into the page, images lazy, links in new tabs. */
export function renderLikeTheExtension(article) {
  const main = document.getElementById('reader');
  const element = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  };
  const articleEl = element('article', 'article');
  if (article.lang) articleEl.lang = article.lang;
  articleEl.dir = article.dir === 'rtl' ? 'rtl' : article.dir === 'ltr' ? 'ltr' : 'auto';
  const header = element('header', 'article-header');
  if (article.siteName) header.append(element('p', 'site', article.siteName));
  header.append(element('h1', 'title', article.title || document.title));
  const meta = [article.byline, article.published].filter(Boolean);
  if (meta.length) header.append(element('p', 'byline', meta.join(' · ')));
  const parsed = new DOMParser().parseFromString(article.content, 'text/html');
  const body = element('div', 'content');
  body.append(...parsed.body.childNodes);
  for (const img of body.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
  }
  for (const link of body.querySelectorAll('a[href]')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  articleEl.append(header, body);
  main.replaceChildren(articleEl);
  if (article.title) document.title = article.title;
  return main.textContent.length;
}

/** Activates everything in the article a reader could click that is not an ordinary web link
 *  (those would navigate): script URLs, image-map areas, submit buttons, summaries. */
export function clickEverything(rootSelector) {
  const root = document.querySelector(rootSelector) || document.body;
  let clicked = 0;
  // Clicked links that target another browsing context: a window may open some time later.
  let opening = 0;
  for (const el of root.querySelectorAll('a, area, button, input, summary, [formaction], label')) {
    const href = el.getAttribute('href') ?? el.getAttributeNS?.('http://www.w3.org/1999/xlink', 'href');
    if (href !== null && href !== undefined) {
      let protocol = '';
      try {
        protocol = new URL(href, document.baseURI).protocol;
      } catch {
        protocol = 'invalid:';
      }
      if (['http:', 'https:', 'mailto:'].includes(protocol)) continue;
    }
    try {
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      clicked += 1;
      const target = el.getAttribute('target') || '';
      if (href !== null && href !== undefined && target !== '' && target !== '_self') opening += 1;
    } catch {
      // a throwing click is no run script
    }
  }
  return { clicked, opening };
}

/** What a reader document may not contain, checked in the live DOM after the browser parsed it:
 *  script-capable or fetching elements, SVG/MathML, event handlers, styles, and URLs other than
 *  http(s), mailto and image data. Returns the findings and the article text. */
export function inspect(rootSelector) {
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const findings = [];
  const root = document.querySelector(rootSelector) || document.body;
  const BAD = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form',
    'input', 'button', 'select', 'textarea', 'option', 'svg', 'math', 'template', 'noscript', 'link', 'meta', 'base',
    'portal', 'fencedframe', 'video', 'audio', 'track', 'canvas', 'dialog', 'marquee', 'isindex', 'xmp', 'plaintext',
    'noembed', 'noframes', 'title', 'map', 'area', 'image', 'use', 'set', 'animate', 'foreignobject', 'maction']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc',
    'ping', 'codebase', 'archive', 'lowsrc', 'dynsrc', 'xlink:href', 'manifest', 'icon', 'usemap', 'itemtype']);
  const BAD_ATTRS = new Set(['style', 'srcdoc', 'formaction', 'action', 'http-equiv', 'background', 'ping', 'autofocus',
    'contenteditable', 'is', 'xmlns', 'xlink:href', 'codebase', 'archive', 'data', 'poster', 'lowsrc', 'dynsrc']);
  const urlOk = (el, name, value) => {
    let url;
    try {
      url = new URL(value.trim(), document.baseURI);
    } catch {
      return true; // not a URL a browser would follow
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return true;
    if (url.protocol === 'mailto:') return name === 'href' && el.localName === 'a';
    if (url.protocol === 'data:') {
      return ['img', 'source'].includes(el.localName) && /^data:image\/(png|jpeg|gif|webp|avif)[;,]/i.test(url.href);
    }
    return false;
  };
  const check = (el, frameOnly) => {
    const where = `<${el.localName}>`;
    if (!frameOnly) {
      if (el.namespaceURI !== XHTML) findings.push(`${where} in ${el.namespaceURI}`);
      if (BAD.has(el.localName.toLowerCase())) findings.push(`${where} element`);
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`${where} ${name}="${attr.value.slice(0, 40)}"`);
      if (frameOnly) {
        if (name === 'background') findings.push(`${where} ${name}`);
        continue;
      }
      if (BAD_ATTRS.has(name) || attr.namespaceURI) findings.push(`${where} ${attr.name}`);
      if (URL_ATTRS.has(name) && !urlOk(el, name, attr.value)) findings.push(`${where} ${name}="${attr.value.slice(0, 40)}"`);
      if (name === 'srcset') {
        for (const candidate of attr.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && !urlOk(el, 'src', url)) findings.push(`${where} srcset candidate ${url.slice(0, 40)}`);
        }
      }
    }
  };
  check(document.documentElement, true);
  if (document.body) check(document.body, true);
  for (const el of root.querySelectorAll('*')) check(el, false);
  for (const el of document.querySelectorAll('head > *:not([data-harness])')) {
    const tag = el.localName;
    if (tag === 'base' || tag === 'script' || tag === 'link' || (tag === 'meta' && el.hasAttribute('http-equiv'))) {
      findings.push(`<${tag}> in the head`);
    }
  }
  if (document.querySelector('base')) findings.push('a <base> element');
  if (window.frames.length) findings.push(`${window.frames.length} frame(s) in the page`);
  return {
    findings,
    text: root.textContent,
    log: Array.from(window.__pwnedLog || []),
    url: location.href,
  };
}
