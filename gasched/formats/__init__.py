"""Dates as each of the six official languages writes them (FORMAT_MODULE_PATH).

Django's own locale formats serve most dates ("DATE_FORMAT", "DATETIME_FORMAT", …);
the modules here correct a few of them. Django has no named format for a date with its
weekday, which the programme's day headings need, so that one lives here per language.
"""

from django.utils.formats import date_format
from django.utils.translation import get_language

WEEKDAY_DATE_FORMATS = {
    "ar": "l j F Y",
    "zh-hans": "Y年n月j日 l",
    "en": "l j F Y",
    "fr": "l j F Y",
    "ru": "l, j E Y",
    "es": r"l j \d\e F \d\e Y",
}


def weekday_date(value) -> str:
    """ "Thursday 29 June 2017", "jeudi 29 juin 2017", "2017年6月29日 星期四"."""
    return date_format(value, WEEKDAY_DATE_FORMATS.get(get_language(), WEEKDAY_DATE_FORMATS["en"]))
