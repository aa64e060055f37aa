from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, fact, quote_field="quote"):
    """A numbered link to the reference list for a cited fact (anything with .source and a quote)."""
    if fact is None or getattr(fact, "source", None) is None:
        return ""
    number = context["citations"].number_for(fact.source, getattr(fact, quote_field, "") or "")
    return format_html(
        '<sup class="cite"><a href="#ref-{0}"><span class="visually-hidden">source </span>[{0}]</a></sup>', number
    )


@register.inclusion_tag("includes/references.html", takes_context=True)
def references(context, heading="Sources"):
    return {"references": context["citations"].references, "heading": heading}
