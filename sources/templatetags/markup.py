from django import template
from django.utils.safestring import mark_safe

from sources.markup import render_markdown
from sources.meta import plain_text
from sources.urls_safe import is_web_url

register = template.Library()


@register.filter
def markdown(text):
    """Render advisor-written Markdown as sanitised HTML (see sources.markup)."""
    return mark_safe(render_markdown(text))  # noqa: S308 (sanitised by nh3 above)


@register.simple_tag
def markdown_cited(text, citation=""):
    """Markdown as above, with a citation link placed at the end of its last paragraph."""
    html = render_markdown(text)
    if citation and html.endswith("</p>"):
        return mark_safe(html[: -len("</p>")] + citation + "</p>")  # noqa: S308
    return mark_safe(html + citation)  # noqa: S308


@register.filter
def plaintext(text):
    """Advisor-written Markdown as plain text, for cards, search results and previews (escaped once, by the page)."""
    return plain_text(text)


@register.filter
def web_url(value):
    """The address if it is http(s), else empty: what a page may put in an href (stored data is not trusted)."""
    return value if is_web_url(value) else ""
