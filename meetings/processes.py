"""Keeping processes and their co-facilitators."""

from django.db import transaction
from django.utils.text import slugify

from .models import Process


@transaction.atomic
def save_process(process: Process, *, cofacilitators) -> Process:
    """Save a process with its co-facilitators (an inline formset) in one transaction."""
    process.full_clean()
    process.save()
    cofacilitators.instance = process
    cofacilitators.save()
    return process


def unique_slug(process: Process) -> str:
    base = slugify(f"{process.session.number} {process.short_title or process.title}")[:120]
    slug, n = base, 2
    while Process.objects.filter(slug=slug).exclude(pk=process.pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
