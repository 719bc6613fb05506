"""Every word a person reads is marked for translation.

The templates are read with Django's own template lexer: text outside template tags,
outside {% blocktranslate %} and outside comments must carry no words, only markup,
punctuation and the few names that are the same in every language. Python code that
produces user-facing messages (form errors, field labels, flash messages) wraps its
strings in gettext; that is checked on the syntax tree.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "templates").rglob("*.html")) + sorted(
    (ROOT / "templates").rglob("*.txt")
)
PYTHON = sorted(
    path
    for app in ("meetings", "missions", "correspondence", "accounts", "gasched", "journal")
    for path in (ROOT / app).rglob("*.py")
    if "migrations" not in path.parts
)
# The same in every language: the product's name and things that are not words.
UNTRANSLATED = {"gasched", "UTC", "iCal", "ICS", "CSV", "URL", "PDF", "DOCX", "RFC"}
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
WORD = re.compile(r"[^\W\d_]{2,}")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.found.append(data)


def unmarked_words(source: str) -> list[str]:
    """The words in a template that reach the reader without passing through gettext."""
    pieces: list[str] = []
    inside = None  # the closing tag of a region whose text is already translated or hidden
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if inside:
                if name == inside:
                    inside = None
                continue
            if name in {"blocktranslate", "blocktrans"}:
                inside = "endblocktranslate" if name == "blocktranslate" else "endblocktrans"
            elif name == "comment":
                inside = "endcomment"
            pieces.append(" ")
        elif token.token_type == TokenType.TEXT and not inside:
            pieces.append(token.contents)
        elif not inside:
            pieces.append(" ")  # a variable: data, or a translated string
    parser = _Text()
    parser.feed("".join(pieces))
    parser.close()
    words = []
    for text in parser.found:
        words += [w for w in WORD.findall(text) if w not in UNTRANSLATED]
    return words


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_text_is_marked_for_translation(template):
    assert unmarked_words(template.read_text()) == []


def test_the_check_finds_an_unmarked_word():
    source = '{% load i18n %}<p title="Open">{% translate "Marked" %} Forgotten</p>'
    assert unmarked_words(source) == ["Open", "Forgotten"]
    assert unmarked_words("{% blocktranslate %}Marked {{ x }}{% endblocktranslate %}") == []
    assert unmarked_words("{# note #}{% comment %}Hidden{% endcomment %}<b>—</b>") == []


GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
# Calls whose string argument is shown to people.
SHOWN = {"ValidationError", "success", "error", "warning", "info", "add_error"}
SHOWN_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def unmarked_python_strings(source: str) -> list[str]:
    found = []

    def plain(node) -> bool:
        return (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and bool(WORD.search(node.value))
        )

    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name in GETTEXT and node.args and not isinstance(node.args[0], ast.Constant):
            # _(variable): xgettext cannot see the string, so no catalogue will have it.
            found.append(ast.unparse(node))
        if name in SHOWN:
            # messages.success(request, "…"), ValidationError("…"), form.add_error(f, "…")
            shown = (
                node.args[1:]
                if name in {"add_error", "success", "error", "warning", "info"}
                else node.args
            )
            found += [arg.value for arg in shown if plain(arg)]
        found += [
            kw.value.value for kw in node.keywords if kw.arg in SHOWN_KEYWORDS and plain(kw.value)
        ]
    return found


@pytest.mark.parametrize("module", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_messages_in_python_are_marked_for_translation(module):
    assert unmarked_python_strings(module.read_text()) == []


def test_the_python_check_finds_an_unmarked_message():
    source = 'ValidationError("Room taken")\nforms.CharField(label=_("Title"), help_text="Plain")'
    assert unmarked_python_strings(source) == ["Room taken", "Plain"]
    assert unmarked_python_strings("_(word)") == ["_(word)"]
