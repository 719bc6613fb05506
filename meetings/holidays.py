"""The official holidays at United Nations Headquarters (New York), as data.

Source: the information circulars "Official holidays for <year> at United Nations
Headquarters" that the Secretariat publishes each autumn for the year after (symbol
ST/IC/<year>/<n>; the UN Library lists them at ask.un.org/faq/14617). The days are those
the Organization observes: a holiday on a Saturday is observed the Friday before, one on
a Sunday the Monday after.

Eid al-Fitr and Eid al-Adha follow the lunar calendar: their dates here are those of the
circular (fixed in advance by astronomical calculation), and the Organization may move
them by a day when the Eid falls otherwise. The Eids of 2027 are left out until the
circular for 2027 gives them: a guessed date would warn on the wrong day.

Only the official holidays are listed, not the floating ones staff may choose one of
(Orthodox Christmas, Presidents' Day, Vesak, Yom Kippur, Diwali, Gurpurab in the
circulars of those years). Add the next year from its circular when it comes out.
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

NEW_YEAR = _("New Year’s Day")
GOOD_FRIDAY = _("Good Friday")
EID_AL_FITR = _("Eid al-Fitr")
MEMORIAL_DAY = _("Memorial Day")
INDEPENDENCE_DAY = _("Independence Day")
EID_AL_ADHA = _("Eid al-Adha")
LABOUR_DAY = _("Labour Day")
THANKSGIVING = _("Thanksgiving Day")
CHRISTMAS = _("Christmas Day")

# The years for which the list is complete (the Eids of 2027 aside, see above).
YEARS = range(2024, 2028)

HOLIDAYS: dict[date, object] = {
    # 2024
    date(2024, 1, 1): NEW_YEAR,
    date(2024, 3, 29): GOOD_FRIDAY,
    date(2024, 4, 10): EID_AL_FITR,
    date(2024, 5, 27): MEMORIAL_DAY,
    date(2024, 6, 17): EID_AL_ADHA,
    date(2024, 7, 4): INDEPENDENCE_DAY,
    date(2024, 9, 2): LABOUR_DAY,
    date(2024, 11, 28): THANKSGIVING,
    date(2024, 12, 25): CHRISTMAS,
    # 2025
    date(2025, 1, 1): NEW_YEAR,
    date(2025, 3, 31): EID_AL_FITR,
    date(2025, 4, 18): GOOD_FRIDAY,
    date(2025, 5, 26): MEMORIAL_DAY,
    date(2025, 6, 6): EID_AL_ADHA,
    date(2025, 7, 4): INDEPENDENCE_DAY,
    date(2025, 9, 1): LABOUR_DAY,
    date(2025, 11, 27): THANKSGIVING,
    date(2025, 12, 25): CHRISTMAS,
    # 2026
    date(2026, 1, 1): NEW_YEAR,
    date(2026, 3, 20): EID_AL_FITR,
    date(2026, 4, 3): GOOD_FRIDAY,
    date(2026, 5, 25): MEMORIAL_DAY,
    date(2026, 5, 27): EID_AL_ADHA,
    date(2026, 7, 3): INDEPENDENCE_DAY,  # 4 July is a Saturday
    date(2026, 9, 7): LABOUR_DAY,
    date(2026, 11, 26): THANKSGIVING,
    date(2026, 12, 25): CHRISTMAS,
    # 2027 (the Eids to follow from the circular)
    date(2027, 1, 1): NEW_YEAR,
    date(2027, 3, 26): GOOD_FRIDAY,
    date(2027, 5, 31): MEMORIAL_DAY,
    date(2027, 7, 5): INDEPENDENCE_DAY,  # 4 July is a Sunday
    date(2027, 9, 6): LABOUR_DAY,
    date(2027, 11, 25): THANKSGIVING,
    date(2027, 12, 24): CHRISTMAS,  # 25 December is a Saturday
}


def holiday_on(day: date) -> str | None:
    """The name of the official holiday at Headquarters on `day`, if there is one."""
    name = HOLIDAYS.get(day)
    return str(name) if name is not None else None
