from django import template

from sources.formats import NOT_STATED, months_in_words, span_in_words
from sources.formats import usd as format_usd

register = template.Library()


@register.filter
def usd(value):
    """$1,234 (cents only when there are some)."""
    return format_usd(value)


@register.filter
def months(value):
    """24 → "2 years", 25 → "2 years 1 month", 6 → "6 months": never a long decimal."""
    if value in (None, ""):
        return NOT_STATED
    return months_in_words(value)


@register.simple_tag
def span(low, high, formatter):
    """A range like "$300–$450" or "2 years", or the not-stated wording when nothing is known."""
    format_value = {"usd": usd, "months": months}[formatter]
    if low is None and high is None:
        return NOT_STATED
    if high is None or low == high:
        return format_value(low if low is not None else high)
    if formatter == "months" and low is not None:
        return span_in_words(low, high)
    return f"{format_value(low)} to {format_value(high)}"
