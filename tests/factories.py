"""One factory per model; no randomness, no hidden side effects."""

from datetime import UTC, date, datetime, time, timedelta

import factory
from django.contrib.auth import get_user_model

from meetings.enums import MeetingKind, Timing
from meetings.models import CoFacilitator, Meeting, Process, Room, Session
from meetings.timing import new_york_datetime


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")


def user_with_role(group: str, *, second_factor: bool = False):
    """A user in one of the roles of accounts.roles, as an invitation would make them."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if second_factor:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


class SessionFactory(factory.django.DjangoModelFactory):
    """The 71st session (September 2016 to September 2017) unless told otherwise."""

    class Meta:
        model = Session
        django_get_or_create = ("number",)

    number = 71
    start_date = date(2016, 9, 13)
    end_date = date(2017, 9, 11)
    president = "Peter Thomson"


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    session = factory.SubFactory(SessionFactory)
    title = factory.Sequence(lambda n: f"Process number {n}")
    slug = factory.Sequence(lambda n: f"process-{n}")


class CoFacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoFacilitator

    process = factory.SubFactory(ProcessFactory)
    state = "Belgium"


def room(code: str) -> Room:
    """Rooms come from the data migration; tests use the real ones."""
    return Room.objects.get(code=code)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A three-hour informal consultation, 29 June 2017 at 10:00 unless told, no room."""

    class Meta:
        model = Meeting

    session = factory.SubFactory(SessionFactory)
    kind = MeetingKind.INFORMAL_CONSULTATION
    title = factory.Sequence(lambda n: f"Informal consultation {n}")
    timing = Timing.EXACT
    start = new_york_datetime(date(2017, 6, 29), time(10))
    end = factory.LazyAttribute(lambda m: m.start + timedelta(hours=3))
    # Published unless told (published_at=None: a draft, as the staff form saves).
    published_at = datetime(2017, 6, 1, tzinfo=UTC)


def at(day: date, hour: int, minute: int = 0):
    """A New York time, as people write it."""
    return new_york_datetime(day, time(hour, minute))


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "correspondence.Letter"

    date = date(2017, 6, 19)
    sender = "pga"
    subject = factory.Sequence(lambda n: f"Subject of letter number {n}")
    body = factory.Sequence(lambda n: f"Excellency, this is letter {n}.")
    is_published = True


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "correspondence.Announcement"

    letter = factory.SubFactory(LetterFactory)
    meeting = factory.SubFactory(MeetingFactory)
    role = "announced"
