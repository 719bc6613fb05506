"""The Journal's small HTML fragments ("<p><span>10236th meeting</span></p>") as plain
text: read with a real HTML parser (html.parser), entities decoded, whatever a script or
style element holds dropped, whitespace folded. No markup reaches a page or a calendar:
what comes out is text, escaped like any other wherever it is shown."""

import re
from html.parser import HTMLParser

# Elements whose content is never text a reader should see.
DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object"})
# Elements that end a line of text: "<p>a</p><p>b</p>" reads "a b", not "ab".
BREAKS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.hidden += 1
        elif tag in BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BREAKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(fragment) -> str:
    """The text of an HTML fragment, on one line. A fragment given per language (a dict)
    is read in English, or the first language it has."""
    if isinstance(fragment, dict):
        fragment = fragment.get("en") or next((v for v in fragment.values() if v), "")
    if fragment is None:
        return ""
    if not isinstance(fragment, str):
        fragment = str(fragment)
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join(CONTROLS.sub(" ", "".join(parser.parts)).split())


def first_number(text: str) -> int | None:
    """The meeting number in "10236th meeting" (the first whole number), or None."""
    found = re.search(r"\d+", text)
    return int(found.group()) if found and len(found.group()) < 8 else None
