"""The site-wide search: every session's meetings (upcoming first, then how many past
ones match, with a page of them), processes and letters. Rendered for each request (a
search's words have no bound, so nothing is cached), a fixed number of queries."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from . import schedule, search
from .views import PAGE_SIZE, page_number


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search every session"),
        required=False,
        max_length=search.MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        if "\x00" in text:
            raise forms.ValidationError(_("Type words to search for."))
        return " ".join(text.split())


def read_search(request) -> tuple[SearchForm, str | None]:
    """The form and the words searched for; None when they cannot be searched (400)."""
    form = SearchForm(request.GET)
    return form, form.cleaned_data["q"] if form.is_valid() else None


@require_safe
def search_page(request):
    form, text = read_search(request)
    context = {"form": form, "text": text or "", "results": None}
    if text is None:
        return render(request, "meetings/search.html", context, status=400)
    if text:
        results = search.everywhere(request.user, text)
        context.update(
            results=results,
            days=schedule.group_by_day(results.upcoming),
            past_url=search.past_url(text),
            upcoming_url=reverse("meetings:search-upcoming") + "?" + urlencode({"q": text}),
        )
    return render(request, "meetings/search.html", context)


@require_safe
def past_matches(request):
    """The past meetings that match, most recent first, a page at a time."""
    return matches_page(request, search.past_matches, upcoming=False)


@require_safe
def upcoming_matches(request):
    """All the upcoming meetings that match (the search page shows the first), soonest
    first, a page at a time."""
    return matches_page(request, search.upcoming_matches, upcoming=True)


def matches_page(request, matching, *, upcoming: bool):
    form, text = read_search(request)
    context = {"form": form, "text": text or "", "days": [], "page": None, "upcoming": upcoming}
    if text is None:
        return render(request, "meetings/search_matches.html", context, status=400)
    page = Paginator(matching(text) if text else [], PAGE_SIZE).get_page(page_number(request))
    context.update(
        page=page,
        days=schedule.group_by_day(page.object_list),
        query=urlencode({"q": text}),
    )
    return render(request, "meetings/search_matches.html", context)
