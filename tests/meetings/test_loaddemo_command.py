"""`manage.py loaddemo`: says what it loaded, and loading again loads nothing.

Apart from tests/meetings/test_demo.py, whose tests share one demo loaded for the
module: this one needs a database without it."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_loaddemo_command_reports_what_it_loaded(capsys):
    call_command("loaddemo")
    first = capsys.readouterr().out
    call_command("loaddemo")
    assert first.startswith("Demo loaded: ")
    assert "0 new meetings" not in first
    assert capsys.readouterr().out.startswith("Demo loaded: 0 new meetings, 0 new processes")


def test_loaddemo_meetings_loads_the_schedule_and_nothing_of_the_apps_above(capsys):
    from django.contrib.auth import get_user_model

    from correspondence.models import Letter
    from meetings.models import Meeting
    from missions.models import Contact

    call_command("loaddemo_meetings")
    assert capsys.readouterr().out.startswith("Meetings loaded: ")
    assert Meeting.objects.filter(is_sample=False).exists()
    assert (Letter.objects.count(), Contact.objects.count()) == (0, 0)
    assert not get_user_model().objects.exists()
