"""What a set of meetings (or deadlines) holds, in one aggregate query: feeds and pages
that compare it with what they were built from are rebuilt only when it differs.

A meeting's every save moves its `updated` and (through schedule.save_meeting) its
revision; an edit committed after another one with a later `updated` still moves the
sum of revisions. The sum of ids tells one set from another of the same size, so a
meeting that comes (published, moved in) or goes (deleted, moved out) changes it.
What the rows show from elsewhere (processes, rooms, sessions) is not here: it moves
pagecache.REFERENCE_KEY's version, which callers add.
"""

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum

from .models import Deadline, Meeting


def of_meetings(meetings: QuerySet[Meeting], *, followed: bool = True) -> tuple:
    """The fingerprint of `meetings` (the caller's own queryset: its filter, its window,
    published only if it is). `followed`: the meetings they follow too, for whoever shows
    their titles (calendars do, pages do not)."""
    if meetings.query.distinct:  # aggregated over the distinct rows' ids, not all columns
        meetings = Meeting.objects.filter(pk__in=meetings.order_by().values("pk"))
    aggregates = {
        "count": Count("pk"),
        "ids": Sum("pk"),
        "revisions": Sum("revision"),
        "latest": Max("updated"),
    }
    if followed:
        # Looked up by primary key per meeting, never joined: a join makes PostgreSQL
        # read every meeting ever stored.
        other = Meeting.objects.filter(pk=OuterRef("follows_id")).order_by()
        aggregates.update(
            following=Count("follows_id"),
            followed_revisions=Sum(Subquery(other.values("revision")[:1])),
            followed_latest=Max(Subquery(other.values("updated")[:1])),
        )
    return tuple(meetings.order_by().aggregate(**aggregates).values())


def of_deadlines(deadlines: QuerySet[Deadline]) -> tuple:
    dated = deadlines.order_by().aggregate(count=Count("pk"), ids=Sum("pk"), latest=Max("updated"))
    return tuple(dated.values())
