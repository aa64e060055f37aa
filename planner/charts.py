"""Geometry for a route's timeline, drawn on the server as SVG (see templates/planner/timeline.html)."""

from decimal import Decimal

WIDTH = 640
LABEL_WIDTH = 200
ROW = 26
GAP = 10
TOP = 8
AXIS = 34
RIGHT_PAD = 16


def _label(text, limit=30):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline(plan):
    """One row per stage: a bar for the shortest typical time, a lighter one up to the longest.

    Stages whose time the sources do not state, or state only in hours, get a marker at their start and no
    length. None when no stage has a stated time (the table then says so).
    """
    if not any(stage.is_timed for stage in plan.stages):
        return None
    total = sum((stage.duration_max or stage.duration_min or 0 for stage in plan.stages), Decimal(0)) or Decimal(1)
    years = int((total + 11) // 12) or 1
    span = Decimal(years * 12)
    plot = WIDTH - LABEL_WIDTH - RIGHT_PAD

    def x_for(months):
        return round(LABEL_WIDTH + float(months / span) * plot, 1)

    rows, start = [], Decimal(0)
    for index, stage in enumerate(plan.stages):
        y = TOP + index * (ROW + GAP)
        row = {"label": _label(stage.title), "y": y, "text_y": y + ROW / 2 + 4, "height": ROW, "x": x_for(start)}
        if stage.is_timed:
            shortest = stage.duration_min
            longest = stage.duration_max or shortest
            row["width"] = max(round(x_for(start + shortest) - row["x"], 1), 2)
            row["extra_x"] = round(row["x"] + row["width"], 1)
            row["extra_width"] = round(x_for(start + longest) - x_for(start + shortest), 1)
            start += shortest
        else:
            row["marker_cx"] = row["x"]
            row["marker_cy"] = y + ROW / 2
            # Past the middle, write "time not stated" to the left of the marker so it stays inside the chart.
            past_middle = row["x"] > LABEL_WIDTH + plot / 2
            row["marker_label_x"] = round(row["x"] - 10 if past_middle else row["x"] + 10, 1)
            row["marker_label_anchor"] = "end" if past_middle else "start"
            row["marker_text"] = stage.time_text or "time not stated"
        rows.append(row)
    height = TOP + len(rows) * (ROW + GAP) + AXIS
    baseline = height - AXIS + 4
    ticks = [{"x": x_for(year * 12), "label": f"{year} yr" if year else "start"} for year in range(years + 1)]
    return {
        "width": WIDTH,
        "height": height,
        "rows": rows,
        "ticks": ticks,
        "label_x": LABEL_WIDTH - 8,
        "left": LABEL_WIDTH,
        "baseline": baseline,
        "tick_label_y": baseline + 18,
    }
