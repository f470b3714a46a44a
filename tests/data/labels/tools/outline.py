#!/usr/bin/env python3
"""Labelling aid: print a page as a person scans it (blocks, their text, their links), and check
a label file's selectors against the page. Independent of the engine on purpose: labels are made
from the page, never from PlainPage's output.

    outline.py PAGE                 an indented outline of the page's visible blocks
    outline.py PAGE --grep TEXT     only blocks whose text contains TEXT (case-insensitive)
    outline.py PAGE --check LABELS  every selector of a label file: matches, text, tag path

PAGE is `wcxb/0001`, `readability/bbc-1`, `seed`, or a path to an .html / .html.gz file.
Needs beautifulsoup4, lxml and soupsieve (pip install beautifulsoup4 lxml soupsieve).
"""

import gzip
import os
import re
import sys

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get(
    "PLAINPAGE_SHARED", os.path.join(HERE, "..", "..", "..", "..", "..", "shared")
)

SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "link", "meta"}
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "br",
    "wbr", "img", "picture", "source", "label", "input", "button", "select", "option", "textarea",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def page_path(name):
    if os.path.exists(name):
        return name
    if name == "seed":
        return os.path.join(SHARED, "seed", "inkl-article.html")
    kind, _, rest = name.partition("/")
    if kind == "wcxb":
        return os.path.join(SHARED, "corpus", "wcxb", "pages", rest + ".html.gz")
    if kind == "readability":
        return os.path.join(SHARED, "corpus", "readability", rest, "source.html")
    sys.exit(f"outline.py: no page {name!r}")


def load(name):
    path = page_path(name)
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return BeautifulSoup(data, "lxml")


def hidden(tag):
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or bool(HIDDEN_STYLE.search(tag.get("style", "")))
    )


def sig(tag):
    s = tag.name
    if tag.get("id"):
        s += "#" + tag["id"]
    for c in tag.get("class", [])[:4]:
        s += "." + c
    for a in ("role", "aria-label", "data-testid", "data-component"):
        if tag.get(a):
            s += f"[{a}={tag[a][:30]}]"
    return s


class Stats:
    __slots__ = ("text", "link", "imgs", "ctl")

    def __init__(self):
        self.text, self.link, self.imgs, self.ctl = [], 0, 0, 0


def measure(tag, memo):
    """Visible text (folded), link chars, images and controls of a subtree."""
    st = Stats()
    for child in tag.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            t = " ".join(str(child).split())
            if t:
                st.text.append(t)
            continue
        if not isinstance(child, Tag) or child.name in SKIP or hidden(child):
            continue
        sub = measure(child, memo)
        st.text.append(" ".join(sub.text))
        st.link += len(" ".join(sub.text)) if child.name == "a" else sub.link
        st.imgs += sub.imgs + (child.name in ("img", "picture"))
        st.ctl += sub.ctl + (child.name in ("button", "input", "form", "select", "textarea"))
    st.text = [t for t in st.text if t]
    memo[id(tag)] = st
    return st


def block_children(tag):
    return [
        c for c in tag.children
        if isinstance(c, Tag) and c.name not in SKIP and not hidden(c)
    ]


def describe(tag, memo):
    st = memo.get(id(tag))
    text = " ".join(st.text) if st else ""
    ld = (st.link * 100 // len(text)) if text else 0
    bits = [f"{len(text)}ch"]
    if ld:
        bits.append(f"links {ld}%")
    if st and st.imgs:
        bits.append(f"{st.imgs}img")
    if st and st.ctl:
        bits.append(f"{st.ctl}ctl")
    return text, " ".join(bits)


def outline(tag, memo, depth, out, chain=""):
    kids = [c for c in block_children(tag) if c.name not in INLINE]
    text, info = describe(tag, memo)
    st = memo.get(id(tag))
    if not text and not (st and (st.imgs or st.ctl)):
        return
    here = (chain + " > " if chain else "") + sig(tag)
    # Fold a wrapper with one block child into the child's line.
    if len(kids) == 1 and len(" ".join(memo[id(kids[0])].text)) >= len(text) - 2:
        outline(kids[0], memo, depth, out, here)
        return
    preview = text[:110] + ("…" if len(text) > 110 else "")
    out.append(f"{'  ' * depth}{here}  ({info})  {preview!r}" if kids else
               f"{'  ' * depth}{here}  ({info})  {text[:240]!r}")
    # Repeated same-signature siblings: show three, count the rest.
    seen = {}
    for k in kids:
        s = sig(k)
        seen[s] = seen.get(s, 0) + 1
        if seen[s] == 4:
            rest = sum(1 for x in kids if sig(x) == s) - 3
            out.append(f"{'  ' * (depth + 1)}… {rest} more {s}")
        if seen[s] > 3:
            continue
        outline(k, memo, depth + 1, out)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    soup = load(args[0])
    memo = {}
    root = soup.body or soup
    measure(root, memo)
    if "--check" in args:
        labels = args[args.index("--check") + 1]
        for n, line in enumerate(open(labels, encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                print(f"line {n}: expected '<remove|keep> <what> <selector>'")
                continue
            verb, what, sel = parts
            try:
                hits = soup.select(sel)
            except Exception as e:  # soupsieve's own message says what is wrong
                print(f"line {n}: bad selector {sel!r}: {e}")
                continue
            print(f"line {n}: {verb} {what} {sel!r}: {len(hits)} match(es)")
            for h in hits[:3]:
                if id(h) not in memo:
                    measure(h, memo)
                text, info = describe(h, memo)
                print(f"    {sig(h)} ({info}{', hidden' if hidden(h) else ''}) {text[:140]!r}")
        return
    out = []
    outline(root, memo, 0, out)
    if "--grep" in args:
        needle = args[args.index("--grep") + 1].lower()
        out = [l for l in out if needle in l.lower()]
    print("\n".join(out))


if __name__ == "__main__":
    main()
