"""A NUL character never stops a page: every URL pattern of the permission matrix, as
every role that gets past its permission checks, answers 400 (never a 500) to a NUL in
its path, in its query string, in a cookie, and in each field of each form that posts
to it (the forms are read from the pages themselves, as a browser would find them)."""

from urllib.parse import urlencode, urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.accounts import test_permission_matrix as matrix
from tests.accounts.test_permission_matrix import EXPECTED, ROLES
from tests.html_forms import post_forms

pytestmark = pytest.mark.django_db
# The matrix's own fixtures: its URLs with their arguments, and a client signed in as a role.
url_for, as_role = matrix.url_for, matrix.as_role

# Past the permission checks: the page, a refusal of its input, or "POST only".
REACHED = {200, 400, 405}
# Query parameters the views read (filters, paging, dates, redirects), and one they do not.
QUERY_NAMES = ["x", "q", "kind", "process", "room", "page", "days", "date", "next", "limit"]
# What the POST-only views read, for those whose form no page of the fixture shows.
FALLBACK_FIELDS = ["action", "decision", "status", "published", "what", "value", "next"]
NUL = "\x00"


def with_nul_in_each_segment(path: str) -> list[str]:
    """At the start and at the end of each segment: a parameter may be either
    (`/feeds/personal/<token>.ics`)."""
    parts = path.split("/")
    return [
        "/".join([*parts[:i], changed, *parts[i + 1 :]])
        for i in range(1, len(parts))
        if parts[i]
        for changed in ("%00" + parts[i], parts[i] + "%00")
    ]


def view_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


@pytest.mark.parametrize("role", ROLES)
def test_a_nul_anywhere_is_a_bad_request_never_an_error(role, url_for, as_role):
    client = as_role(role)
    client.raise_request_exception = False  # a 500 is counted, not raised
    reached = [n for n in sorted(EXPECTED) if EXPECTED[n][ROLES.index(role)] in REACHED]
    # Every page as this role, and the forms on it, by the URL they post to.
    forms: dict[str, list[dict]] = {}
    for name in reached:
        page = client.get(url_for(name))
        if page.status_code == 200 and page["Content-Type"].startswith("text/html"):
            for form in post_forms(page.content.decode()):
                action = form["action"] or url_for(name)
                form["action"] = action
                forms.setdefault(view_name(action), []).append(form)
    wrong = []

    def expect_400(response, what):
        if response.status_code != 400:
            wrong.append(f"{what} -> {response.status_code}")

    for name in reached if role != "anonymous" else sorted(EXPECTED):
        url = url_for(name)
        for path in with_nul_in_each_segment(url):
            expect_400(client.get(path), f"GET {path}")
        for parameter in QUERY_NAMES:
            expect_400(client.get(f"{url}?{parameter}=%00"), f"GET {url}?{parameter}=%00")
        expect_400(client.get(f"{url}?%00=1"), f"GET {url}?%00=1")
        if name not in reached:
            continue
        posted = forms.get(name) or [
            {"action": url, "enctype": None, "fields": dict.fromkeys(FALLBACK_FIELDS, "1")}
        ]
        for form in posted:
            for field in form["fields"]:
                data = {**form["fields"], field: form["fields"][field] + NUL}
                if form["enctype"] == "multipart/form-data":
                    response = client.post(form["action"], data)
                else:
                    response = client.post(
                        form["action"],
                        urlencode(data),
                        content_type="application/x-www-form-urlencoded",
                    )
                expect_400(response, f"POST {form['action']} {field}")
        # Any view reads multipart as readily as a browser's urlencoded form.
        expect_400(client.post(url, {"value": NUL}), f"POST {url} multipart")
    assert wrong == []


def test_a_nul_in_the_session_cookie_is_a_bad_request(client, mission_user):
    client.raise_request_exception = False
    client.force_login(mission_user)
    client.cookies["sessionid"] = client.cookies["sessionid"].value + NUL
    assert client.get("/my/").status_code == 400


def test_a_form_without_nul_still_reaches_its_view(staff_client):
    """The rule refuses NUL only: the same form without one is served as before."""
    response = staff_client.post("/my/follow/", {"what": "kind", "value": "plenary"})
    assert response.status_code == 302


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(client, settings):
    settings.GASCHED_MAX_UPLOAD_SIZE = 1024 * 1024
    body = b"x" * (1024 * 1024 + 1)
    response = client.generic(
        "POST", "/letters/upload/", body, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert b"the largest upload is 1 MB" in response.content
