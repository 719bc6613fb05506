"""A trivial view for container health checks and the benchmark baseline."""

from django.http import HttpResponse


def health(request):
    """Answer "ok" without touching the database: the process is up and serving."""
    return HttpResponse("ok", content_type="text/plain")
