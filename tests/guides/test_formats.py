"""Times and amounts read as a student reads them, on every page that shows them."""

from decimal import Decimal

import pytest

from guides.templatetags.guide_format import months, span


@pytest.mark.parametrize(
    "value, words",
    [(24, "2 years"), (25, "2 years 1 month"), (6, "6 months"), (12, "1 year"), (Decimal("25.0"), "2 years 1 month")],
)
def test_a_time_in_months_reads_in_years_and_months(value, words):
    assert months(value) == words


def test_a_sum_of_stated_times_never_shows_a_long_decimal():
    assert months(Decimal(25) / Decimal(12) * 12) == "2 years 1 month"
    assert span(Decimal(18), Decimal(48), "months") == "1 year 6 months to 4 years"
    assert span(Decimal(24), Decimal(48), "months") == "2 to 4 years"
    assert span(None, None, "months") == "not stated in the sources"
