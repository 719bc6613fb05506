"""A request that carries a NUL character is refused (400) before any view sees it.

PostgreSQL cannot store NUL in text, so a NUL that reaches a query is a 500 wherever
a view passes the path, the query string, a cookie or a form field to the database
unchecked. No person types one; the browser never sends one. So one rule here rather
than a check in every view: a NUL anywhere in what a request says is a bad request.
"""

import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse

NUL = "\x00"
# Logged as Django logs its own refusals of suspicious requests.
log = logging.getLogger("django.security.NulCharacterInRequest")


def refused(where: str, *, api: bool = False) -> HttpResponse:
    """400 with the reason, in plain text (it names what was refused, nothing sent); as
    the API's JSON problem ({"detail": ...}) on the API, whose schema says so."""
    log.warning("A NUL character in %s", where)
    reason = f"Bad request: a NUL character in {where}. Nobody types one; remove it."
    if api:
        return JsonResponse({"detail": reason}, status=400)
    return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")


def has_nul(values) -> bool:
    return any(NUL in value for value in values)


def in_query_dict(data) -> bool:
    return any(NUL in key or has_nul(values) for key, values in data.lists())


class RefuseNulCharacters:
    """First in MIDDLEWARE: before the session is read from its cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or in_query_dict(request.GET)
            or any(NUL in name or NUL in value for name, value in request.COOKIES.items())
        ):
            return refused("the address or a cookie", api=request.path.startswith("/api/"))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The form is read here, as CsrfViewMiddleware reads it next, for every view
        # (the API's too, which is csrf_exempt): a body that is not a form reads as empty.
        if request.method != "POST":
            return None
        if in_query_dict(request.POST):
            return refused("a form field")
        return None


class RefuseOversizeRequests:
    """A request body larger than GASCHED_MAX_UPLOAD_SIZE is refused (413, with the limit)
    before anything reads it: Django would otherwise stream it to disk first, and the NUL
    check above reads every form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.GASCHED_MAX_UPLOAD_SIZE
        if length > limit:
            log.warning("A request body of %d bytes refused", length)
            return HttpResponse(
                f"Request too large: the largest upload is {limit // (1024 * 1024)} MB.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
