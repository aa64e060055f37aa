"""Advisor-written text: a small, safe subset of Markdown rendered to HTML.

Markdown is converted first, then nh3 (the Ammonia sanitiser) keeps only the tags and attributes
below: no script, style, event handler, iframe or javascript: URL survives, whatever was typed.
"""

from functools import lru_cache

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=4096)
def render_markdown(text):
    """Safe HTML for `text`; remembered, since the same few hundred texts render on every page view and
    building a Markdown parser costs milliseconds (the result is a pure function of the text)."""
    html = markdown_lib.markdown(text or "", output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
