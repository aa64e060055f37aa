"""Geometry for the small SVG charts drawn on the server. Templates turn these into <svg>."""

from decimal import Decimal

WIDTH = 640
LABEL_WIDTH = 150
BAR_HEIGHT = 28
GAP = 12
PADDING = 16


def _money(value):
    return f"${value:,.0f}"


def bar_chart(points, *, highlight=None):
    """Horizontal bars for (label, amount) pairs, e.g. pay percentiles. `highlight` names the accent bar."""
    if not points:
        return None
    top = max(amount for _label, amount in points) or Decimal(1)
    plot_width = WIDTH - LABEL_WIDTH - PADDING * 2 - 80
    bars = []
    for index, (label, amount) in enumerate(points):
        y = PADDING + index * (BAR_HEIGHT + GAP)
        length = float(amount / top) * plot_width
        bars.append(
            {
                "label": label,
                "value": _money(amount),
                "x": LABEL_WIDTH,
                "y": y,
                "width": round(max(length, 2), 1),
                "height": BAR_HEIGHT,
                "text_y": y + BAR_HEIGHT / 2 + 4,
                "value_x": round(LABEL_WIDTH + max(length, 2) + 6, 1),
                "is_highlight": label == highlight,
            }
        )
    height = PADDING * 2 + len(points) * (BAR_HEIGHT + GAP) - GAP
    return {"width": WIDTH, "height": height, "bars": bars, "label_x": LABEL_WIDTH - 8}


def history_chart(points, *, highlight=None):
    """A line through (year, amount) points, oldest first; None when there are fewer than two years.

    `highlight` names the year drawn as the accent point (the current answer).
    """
    points = sorted(points)
    if len({year for year, _amount in points}) < 2:
        return None
    height = 260
    left, right, top_pad, bottom = 70, 24, 20, 40
    years = [year for year, _ in points]
    amounts = [amount for _, amount in points]
    low_year, high_year = min(years), max(years)
    ceiling = max(amounts) * Decimal("1.1")
    plot_w = WIDTH - left - right
    plot_h = height - top_pad - bottom

    def x_for(year):
        return round(left + (year - low_year) / (high_year - low_year) * plot_w, 1)

    def y_for(amount):
        return round(top_pad + plot_h - float(amount / ceiling) * plot_h, 1)

    dots = [
        {
            "x": x_for(year),
            "y": y_for(amount),
            "year": year,
            "value": _money(amount),
            "label_y": y_for(amount) - 10,
            "is_highlight": year == highlight,
        }
        for year, amount in points
    ]
    grid = []
    for step in range(5):
        amount = ceiling * step / 4
        grid.append({"y": y_for(amount), "label": _money(amount)})
    return {
        "width": WIDTH,
        "height": height,
        "left": left,
        "right": WIDTH - right,
        "baseline": top_pad + plot_h,
        "axis_label_y": height - 12,
        "points": dots,
        "path": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "grid": grid,
    }
