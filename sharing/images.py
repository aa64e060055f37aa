"""Link-preview images (Open Graph, 1200×630 PNG) drawn with Pillow.

Fonts: DejaVu Sans when the system has it, else Pillow's bundled scalable default font, so the
images render on any machine.
"""

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
PRIMARY = "#0b5d6b"
PRIMARY_SOFT = "#e3f1f3"
TEXT = "#1a2427"
MUTED = "#4a5a5f"
WHITE = "#ffffff"
MAX_STEP_ROWS = 6

FONT_FILES = {
    False: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"],
    True: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"],
}


@lru_cache(maxsize=32)
def font(size, bold=False):
    for path in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def fit(draw, text, face, width):
    """`text` cut with an ellipsis so that it fits in `width` pixels."""
    if draw.textlength(text, font=face) <= width:
        return text
    while text and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(draw, text, face, width, max_lines):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=face) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], fit(draw, " ".join(lines[max_lines - 1 :]), face, width)]
    return [fit(draw, line, face, width) for line in lines]


def visible_steps(steps, highlight):
    """At most MAX_STEP_ROWS steps, always including the highlighted one."""
    if len(steps) <= MAX_STEP_ROWS:
        return steps
    index = next((i for i, (position, _title) in enumerate(steps) if position == highlight), 0)
    start = max(0, min(index - MAX_STEP_ROWS // 2, len(steps) - (MAX_STEP_ROWS - 1)))
    return steps[start : start + MAX_STEP_ROWS - 1]


def draw_card(*, kicker, title, steps=(), highlight=None, footer=""):
    """A PNG (bytes): site band, kicker, title and an ordered list of (position, title) steps."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 84], fill=PRIMARY)
    draw.rounded_rectangle([MARGIN, 22, MARGIN + 40, 62], radius=8, fill=WHITE)
    draw.text((MARGIN + 20, 42), "cp", font=font(20, bold=True), fill=PRIMARY, anchor="mm")
    draw.text((MARGIN + 56, 42), "careerpath", font=font(30, bold=True), fill=WHITE, anchor="lm")
    if kicker:
        draw.text((WIDTH - MARGIN, 42), fit(draw, kicker, font(24), 560), font=font(24), fill=WHITE, anchor="rm")

    text_width = WIDTH - 2 * MARGIN
    title_face = font(48 if steps else 64, bold=True)
    title_lines = 4 if not steps else 3 if len(steps) <= 4 else 2
    y = 112
    for line in wrap(draw, title, title_face, text_width, max_lines=title_lines):
        draw.text((MARGIN, y), line, font=title_face, fill=TEXT)
        y += title_face.size + 12

    shown = visible_steps(list(steps), highlight)
    if shown:
        y += 14
        row = min(66, (HEIGHT - 60 - y) // (len(shown) + (1 if len(shown) < len(steps) else 0)))
        step_face = font(min(30, row - 22))
        for position, step_title in shown:
            current = position == highlight
            if current:
                draw.rounded_rectangle([MARGIN - 12, y - 4, WIDTH - MARGIN + 12, y + row - 8], radius=12, fill=PRIMARY)
            radius = (row - 16) // 2
            centre = (MARGIN + radius, y + radius + 2)
            draw.ellipse(
                [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
                fill=WHITE if current else PRIMARY_SOFT,
                outline=PRIMARY,
                width=2,
            )
            draw.text(centre, str(position), font=font(radius, bold=True), fill=PRIMARY, anchor="mm")
            left = MARGIN + 2 * radius + 20
            label = fit(draw, step_title, step_face, WIDTH - MARGIN - left)
            draw.text((left, centre[1]), label, font=step_face, fill=WHITE if current else TEXT, anchor="lm")
            y += row
        hidden = len(steps) - len(shown)
        if hidden:
            draw.text((MARGIN, y + 4), f"… {len(steps)} steps in all", font=font(24), fill=MUTED)

    if footer:
        draw.text(
            (MARGIN, HEIGHT - 36), fit(draw, footer, font(24), text_width), font=font(24), fill=MUTED, anchor="lm"
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def draw_facts_card(*, kicker, title, facts=(), footer=""):
    """A PNG (bytes) for an occupation, credential or comparison: site band, kicker, title, then label/value rows."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 84], fill=PRIMARY)
    draw.rounded_rectangle([MARGIN, 22, MARGIN + 40, 62], radius=8, fill=WHITE)
    draw.text((MARGIN + 20, 42), "cp", font=font(20, bold=True), fill=PRIMARY, anchor="mm")
    draw.text((MARGIN + 56, 42), "careerpath", font=font(30, bold=True), fill=WHITE, anchor="lm")
    if kicker:
        draw.text((WIDTH - MARGIN, 42), fit(draw, kicker, font(24), 560), font=font(24), fill=WHITE, anchor="rm")

    text_width = WIDTH - 2 * MARGIN
    facts = list(facts)[:MAX_STEP_ROWS]
    title_face = font(52 if facts else 64, bold=True)
    y = 112
    for line in wrap(draw, title, title_face, text_width, max_lines=2 if len(facts) > 3 else 3):
        draw.text((MARGIN, y), line, font=title_face, fill=TEXT)
        y += title_face.size + 12
    if facts:
        y += 10
        row = min(72, (HEIGHT - 70 - y) // len(facts))
        label_face, value_face = font(min(24, row - 30), bold=True), font(min(30, row - 24))
        label_width = max(draw.textlength(label, font=label_face) for label, _value in facts) + 24
        label_width = min(label_width, 420)
        for label, value in facts:
            draw.rounded_rectangle([MARGIN - 12, y, WIDTH - MARGIN + 12, y + row - 10], radius=10, fill=PRIMARY_SOFT)
            middle = y + (row - 10) // 2
            draw.text(
                (MARGIN, middle),
                fit(draw, label, label_face, label_width - 24),
                font=label_face,
                fill=PRIMARY,
                anchor="lm",
            )
            left = MARGIN + label_width
            draw.text(
                (left, middle),
                fit(draw, value, value_face, WIDTH - MARGIN - left),
                font=value_face,
                fill=TEXT,
                anchor="lm",
            )
            y += row
    if footer:
        draw.text(
            (MARGIN, HEIGHT - 36), fit(draw, footer, font(24), text_width), font=font(24), fill=MUTED, anchor="lm"
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
