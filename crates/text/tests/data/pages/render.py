#!/usr/bin/env python3
"""Renders an HTML page to the plain text a reader gets by selecting the whole page in a
browser and copying it: the WHATWG `innerText` algorithm
(https://html.spec.whatwg.org/multipage/dom.html#the-innertext-idl-attribute), with the
browser's default style sheet standing in for the page's own.

    python3 render.py PAGE.html > PAGE.txt

- Not rendered: `head`, `script`, `style`, `noscript`, `template`, `svg`, form controls
  (`input`, `select`, `textarea`, `option`), elements with the `hidden` attribute, an
  inline `display:none` / `visibility:hidden` style, or the class `hidden` (the utility
  class that hides an element in the pages' own style sheets).
- Block elements (`div`, `li`, `h1`…`h6`, `section`, `table` rows, …) begin and end on a
  line of their own; a `p` element has a blank line before and after it; `br` is a line
  break; table cells in a row are separated by a tab.
- White space inside a block collapses to one space, as CSS `white-space: normal` does
  (no-break spaces are kept); `pre` keeps its white space.
- The document's charset is taken from its `<meta charset>` or `http-equiv` element,
  else UTF-8, else Windows-1252.
"""

import re
import sys
from html.parser import HTMLParser

SKIP = {"head", "script", "style", "noscript", "template", "svg", "input", "select",
        "textarea", "option", "iframe", "object", "canvas", "button"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog",
         "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
         "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li",
         "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
         "caption", "tbody", "thead", "tfoot", "tr", "body", "html"}
# Elements the HTML parser closes implicitly when a sibling of the same kind opens.
AUTO_CLOSE = {"p": {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "section", "article", "header", "footer", "nav", "form",
                    "pre", "dl", "figure", "address", "aside", "main", "hr"},
              "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
              "tr": {"tr"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}


def hidden(tag, attrs):
    attrs = dict(attrs)
    if "hidden" in attrs:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return "hidden" in (attrs.get("class") or "").split()


class Renderer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, hides)
        self.hidden_depth = 0
        self.pre = 0
        self.items = []        # strings and integers (required line break counts)

    def breaks(self, n):
        self.items.append(n)

    def handle_starttag(self, tag, attrs):
        for open_tag in reversed([t for t, _ in self.stack]):
            if open_tag in AUTO_CLOSE and tag in AUTO_CLOSE[open_tag]:
                self.handle_endtag(open_tag)
                break
            if open_tag in BLOCK:
                break
        hides = tag in SKIP or hidden(tag, attrs)
        if tag in VOID:
            if self.hidden_depth == 0 and not hides:
                if tag == "br":
                    self.items.append("\n")
                elif tag == "hr":
                    self.breaks(1)
            return
        self.stack.append((tag, hides))
        if hides:
            self.hidden_depth += 1
        if self.hidden_depth:
            return
        if tag == "pre":
            self.pre += 1
        if tag == "p":
            self.breaks(2)
        elif tag in BLOCK:
            self.breaks(1)
        elif tag in ("td", "th") and self.items and self.items[-1] != 1:
            self.items.append("\t")

    def handle_endtag(self, tag):
        if tag not in [t for t, _ in self.stack]:
            return
        while self.stack:
            open_tag, hides = self.stack.pop()
            if hides:
                self.hidden_depth -= 1
            elif self.hidden_depth == 0:
                if open_tag == "pre":
                    self.pre -= 1
                if open_tag == "p":
                    self.breaks(2)
                elif open_tag in BLOCK:
                    self.breaks(1)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.hidden_depth:
            return
        if self.pre:
            self.items.append(data)
        else:
            self.items.append(re.sub(r"[ \t\n\r\f]+", " ", data))

    def text(self):
        out = []
        pending = 0
        for item in self.items:
            if isinstance(item, int):
                pending = max(pending, item)
                continue
            if not out or out[-1].endswith("\n"):
                item = item.lstrip(" ") if not self.pre else item
            if not item:
                continue
            if pending and out:
                while out and out[-1].endswith(" "):
                    out[-1] = out[-1][:-1]
                out.append("\n" * pending)
            pending = 0
            out.append(item)
        text = "".join(out)
        lines = [line.strip(" ") for line in text.split("\n")]
        text = "\n".join(lines).strip("\n") + "\n"
        return re.sub(r"\n{3,}", "\n\n", text)


def decode(raw):
    head = raw[:4096].decode("ascii", "replace")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", head, re.I)
    for charset in ([m.group(1)] if m else []) + ["utf-8", "windows-1252"]:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def main():
    raw = open(sys.argv[1], "rb").read()
    renderer = Renderer()
    renderer.feed(decode(raw))
    renderer.close()
    sys.stdout.write(renderer.text())


if __name__ == "__main__":
    main()
