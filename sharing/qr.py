from functools import lru_cache

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe


@lru_cache(maxsize=512)
def qr_svg(url, title):
    """An inline, scalable SVG QR code for `url`, named by `title` for screen readers."""
    svg = segno.make(url, error="m").svg_inline(
        scale=4, omitsize=True, title=title, svgclass="qr__code", lineclass=None
    )
    # segno escapes the title; the label below is escaped here.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))  # noqa: S308
