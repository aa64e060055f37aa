from decimal import Decimal

from django import template

from sources.formats import NOT_STATED
from sources.formats import usd as format_usd

register = template.Library()


@register.filter
def usd(value):
    """$1,234 (cents only when there are some)."""
    return format_usd(value)


@register.filter
def months(value):
    """24 → "2 years", 6 → "6 months", 30 → "2.5 years"."""
    if value in (None, ""):
        return NOT_STATED
    value = Decimal(value)
    if value >= 12:
        years = (value / 12).normalize()
        return f"{years:f} year{'s' if years != 1 else ''}"
    value = value.normalize()
    return f"{value:f} month{'s' if value != 1 else ''}"


@register.simple_tag
def span(low, high, formatter):
    """A range like "$300–$450" or "2 years", or the not-stated wording when nothing is known."""
    format_value = {"usd": usd, "months": months}[formatter]
    if low is None and high is None:
        return NOT_STATED
    if high is None or low == high:
        return format_value(low if low is not None else high)
    return f"{format_value(low)} to {format_value(high)}"
