"""{% meeting_answers meeting as answers %}: the answers this visitor may see."""

from django import template

from .. import answers

register = template.Library()


@register.simple_tag(takes_context=True)
def meeting_answers(context, meeting: dict):
    return answers.for_page(meeting, context["request"].user)
