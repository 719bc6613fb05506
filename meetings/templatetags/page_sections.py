"""{% section_templates "meeting" as templates %}: what other apps add to a page."""

from django import template

from .. import sections

register = template.Library()


@register.simple_tag
def section_templates(page: str) -> list[str]:
    """The templates registered for this page (meetings.sections), to {% include %}."""
    return sections.templates(page)
