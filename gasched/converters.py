"""A URL converter for ISO dates: /day/2017-06-29/ reaches the view as a date."""

from datetime import date

from django.urls import register_converter


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    # The General Assembly first met in 1946; no programme reaches past 2200. Outside
    # that, previous/next links and day arithmetic would overflow date's range.
    FIRST_YEAR, LAST_YEAR = 1900, 2200

    def to_python(self, value: str) -> date:
        # ValueError makes the URL resolver answer 404 (2017-02-30, 0001-01-01)
        day = date.fromisoformat(value)
        if not self.FIRST_YEAR <= day.year <= self.LAST_YEAR:
            raise ValueError(f"{value} is outside the years gasched covers")
        return day

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "date")
