"""A URL converter for ISO dates: /day/2017-06-29/ reaches the view as a date."""

from datetime import date

from django.urls import register_converter


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        # ValueError makes the URL resolver answer 404 for 2017-02-30
        return date.fromisoformat(value)

    def to_url(self, value: date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "date")
