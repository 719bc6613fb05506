"""The page around cached content, for visitors who are not signed in.

Rendering base.html (menu, language switcher, translated chrome) costs about three times
the trivial view, more than the cached content itself. For a visitor who is not signed
in and has no pending message, the page is the same for everyone but for two values:
the CSRF token and the address the language switcher returns to. So the page is
rendered once with a marker in place of each, cached like the content, and each request
puts in its own values. The cached HTML never holds a visitor's value. Signed-in
visitors, and anyone with a pending message, get the page rendered for them.
Schedule pages key it by their content's digest (meetings.shownpages): an edit that
leaves the content the same does not render it again.
"""

from collections.abc import Callable
from functools import cache
from hashlib import sha256

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.html import escape

from . import pagecache


@cache
def _marker(name: str) -> str:
    # Derived from the secret key: the same in every process, unguessable by anyone who
    # types a meeting title, so nothing entered can be mistaken for a marker.
    digest = sha256(f"{settings.SECRET_KEY}:pageshell:{name}".encode()).hexdigest()
    return f"visitor{name}{digest[:24]}"


def is_for_anyone(request) -> bool:
    """Whether this visitor sees the page everyone who is not signed in sees."""
    return not request.user.is_authenticated and not len(get_messages(request))


def render_for_anyone(request, template: str, context: dict) -> bytes:
    """The page with markers where the CSRF token and the return address go."""
    markers = {"csrf_token": _marker("token"), "next_path": _marker("next")}
    return render(request, template, {**context, **markers}).content


def personalise(request, page: bytes, *, status: int = 200) -> HttpResponse:
    """The cached page with this visitor's CSRF token (its cookie set too) and address."""
    page = page.replace(_marker("token").encode(), get_token(request).encode())
    page = page.replace(_marker("next").encode(), escape(request.get_full_path()).encode())
    return HttpResponse(page, status=status)


def page_for_anyone(
    request, kind: str, identity: tuple, template: str, context: Callable[[], dict]
) -> HttpResponse:
    """The page everyone who is not signed in sees: cached beside its content (in the
    same slots), rendered from context() when missing, and personalised."""
    page = pagecache.fragment(
        kind, (*identity, "page"), lambda: render_for_anyone(request, template, context())
    )
    return personalise(request, page.value)
