"""Numbers as students read them, shared by models and templates."""

from decimal import ROUND_HALF_UP, Decimal

NOT_STATED = "not stated in the sources"


def usd(value):
    """$1,234 (cents only when there are some)."""
    if value in (None, ""):
        return NOT_STATED
    value = Decimal(value)
    return f"${value:,.2f}" if value % 1 else f"${value:,.0f}"


def _plural(number, unit):
    return f"{number} {unit}{'s' if number != 1 else ''}"


def whole_months(months):
    return int(Decimal(months).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def months_in_words(months):
    """24 → "2 years", 25 → "2 years 1 month", 6 → "6 months", 0.4 → "less than a month"."""
    rounded = whole_months(months)
    if rounded == 0:
        return "less than a month"
    years, rest = divmod(rounded, 12)
    parts = [_plural(years, "year")] if years else []
    if rest:
        parts.append(_plural(rest, "month"))
    words = " ".join(parts)
    # Sums of sourced figures can carry a rounding error; "about" is for figures a real month away from whole.
    return f"about {words}" if abs(Decimal(months) - rounded) >= Decimal("0.05") else words


def span_in_words(low, high):
    """A typical time: "2 years", "2 to 4 years", "18 months to 2 years"."""
    if high is None or whole_months(low) == whole_months(high):
        return months_in_words(low)
    low_words, high_words = months_in_words(low), months_in_words(high)
    if whole_months(low) % 12 == 0 and whole_months(high) % 12 == 0:
        return f"{low_words.removesuffix(' years').removesuffix(' year')} to {high_words}"
    return f"{low_words} to {high_words.removeprefix('about ')}"
