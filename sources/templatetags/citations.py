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


@register.simple_tag(takes_context=True)
def cite_all(context, sources, anchor):
    """One marker for a point backed by several sources: "[1, 4, 7]", linking to what each of them said.

    Every source gets its number in the reference list; the marker is a single link (one tab stop) to
    `anchor`, where the sources' own words are listed.
    """
    sources = [source for source in sources if source is not None]
    if not sources:
        return ""
    numbers = ", ".join(str(number) for number in sorted({context["citations"].number_for(s) for s in sources}))
    label = "sources" if len(sources) > 1 else "source"
    return format_html(
        '<sup class="cite"><a href="#{}"><span class="visually-hidden">{} </span>[{}]</a></sup>', anchor, label, numbers
    )


@register.simple_tag(takes_context=True)
def reference_number(context, source, quote=""):
    """The reference-list number of a source (and quote), without a marker: for lists that name the source."""
    return context["citations"].number_for(source, quote)


@register.inclusion_tag("includes/references.html", takes_context=True)
def references(context, heading="Sources", folded=False):
    return {"references": context["citations"].references, "heading": heading, "folded": folded}
