"""The error pages: in the site's design and the reader's language.

403 and 404 are Django's own handlers with the templates of the same names; 400 and 500
are rendered here without the request, so that they read no session, user or database
(the fault may be theirs), and fall back to a line of plain HTML if even that fails.
"""

import logging

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)
FALLBACK = "<!DOCTYPE html><title>{0}</title><h1>{0}</h1>"


def without_request(template_name: str, fallback: str) -> str:
    try:
        return loader.get_template(template_name).render({})
    except Exception:  # whatever broke the page may break its template too
        logger.exception("The error page %s could not be rendered", template_name)
        return FALLBACK.format(fallback)


@requires_csrf_token
def server_error(request, template_name: str = "500.html"):
    return HttpResponseServerError(without_request(template_name, "Server error (500)"))


@requires_csrf_token
def bad_request(request, exception, template_name: str = "400.html"):
    return HttpResponseBadRequest(without_request(template_name, "Bad request (400)"))
