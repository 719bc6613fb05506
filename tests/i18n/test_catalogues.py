"""Each of the five translated catalogues has every string the code and templates mark,
translated, with the same placeholders; and the compiled catalogues are what people see.

The strings are extracted the way `makemessages` does (Django's templatize, then GNU
xgettext with Django's keywords), into a temporary directory, never into locale/.
"""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["ar", "zh_Hans", "fr", "ru", "es"]
SOURCES = ("meetings", "missions", "correspondence", "accounts", "gasched", "journal")
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> set[tuple[str | None, str]]:
    """(context, msgid) of every string marked for translation in gasched's own code."""
    work = tmp_path_factory.mktemp("strings")
    files = [
        str(path)
        for app in SOURCES
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    for number, template in enumerate(
        sorted((ROOT / "templates").rglob("*.html")) + sorted((ROOT / "templates").rglob("*.txt"))
    ):
        converted = work / f"template{number}.py"
        converted.write_text(templatize(template.read_text(), origin=str(template)))
        files.append(str(converted))
    pot = subprocess.run(
        [
            shutil.which("xgettext"),
            "--language=Python",
            "--from-code=UTF-8",
            "--output=-",
            *KEYWORDS,
            *files,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(pot)}


@pytest.mark.gettext
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalogue_and_translated(marked, language):
    po = catalogue(language)
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in po
        if entry.translated() and not entry.obsolete and "fuzzy" not in entry.flags
    }
    missing = sorted(msgid for context, msgid in marked - translated)
    assert missing == [], f"{language}: run `manage.py makemessages -a` and translate these"


@pytest.mark.gettext
def test_the_check_sees_a_string_marked_in_a_template(marked):
    assert (None, "Skip to content") in marked
    assert (None, "Programme for %(day)s") in marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    wrong = []
    for entry in catalogue(language):
        expected = set(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        if entry.msgid_plural:
            expected |= set(PLACEHOLDER.findall(entry.msgid_plural))
        for form in forms:
            if form and not set(PLACEHOLDER.findall(form)) <= expected:
                wrong.append((entry.msgid, form))
    assert wrong == []


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr", "ru", "es"])
def test_the_compiled_catalogue_is_what_people_see(language):
    """`make` compiles the catalogues; an uncompiled one would leave the page in English.
    (The browser tests check whole pages in each language.)"""
    with translation.override(language):
        assert gettext("Skip to content") != "Skip to content"
        assert gettext("Programme of meetings") != "Programme of meetings"
