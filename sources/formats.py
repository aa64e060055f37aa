"""Numbers as students read them, shared by models and templates."""

from decimal import Decimal

NOT_STATED = "not stated in the sources"


def usd(value):
    """$1,234 (cents only when there are some)."""
    if value in (None, ""):
        return NOT_STATED
    value = Decimal(value)
    return f"${value:,.2f}" if value % 1 else f"${value:,.0f}"
