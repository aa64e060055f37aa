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


@register.simple_tag(takes_context=True)
def comparison_cell(context, template_name, row, item):
    """A comparison's cell for one row and item, rendered once per page.

    The table and the phone cards show every cell, and rendering it again would give the same HTML (its citations
    were numbered the first time), so the second showing reuses the first. Only within one page: a cell's
    citations must be counted on every page that shows it, so cells are never kept between requests.
    """
    cells = context.render_context.get("comparison_cells")
    if cells is None:
        cells = context.render_context["comparison_cells"] = {}
    key = (template_name, row, item.pk)
    if key not in cells:
        cell = context.template.engine.get_template(template_name)
        with context.push(row=row, item=item):
            cells[key] = cell.render(context)
    return cells[key]
