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
