"""Layouts at a phone's 390 px and a desktop's 1280 px: nothing is cut off, every column can be read."""

import pytest

FIVE = "/compare/credentials/?c=ccs&c=chps&c=ctr&c=rhia&c=rhit"
CREDENTIALS = ["rhit", "rhia", "ccs", "ccs-p", "chps", "ctr"]

# Boxes whose content is wider than the box (scrolled or clipped), and elements that leave the viewport.
# Text fields are left out: a long address in a read-only field scrolls within it, and is selected whole.
JS_CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push('the page scrolls sideways');
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.querySelectorAll('main *')) {
    if (!visible(el) || el.closest('svg, .visually-hidden, .skip-link')) continue;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    const classes = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
    const name = el.tagName.toLowerCase() + classes;
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name} hides ${el.scrollWidth - el.clientWidth}px of its content: ${el.innerText.slice(0, 60)}`);
    }
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      const where = `${Math.round(box.left)}–${Math.round(box.right)} of ${width}px`;
      problems.push(`${name} leaves the screen (${where}): ${el.innerText.slice(0, 60)}`);
    }
  }
  return problems.slice(0, 20);
}"""

# Words broken across lines in the middle (a hyphen or slash is a fair place to break, a letter is not).
JS_BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\-\\/–—]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def at(browser):
    contexts = []

    def open_at(width, path, site, height=900):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(site.url + path)
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_is_cut_off_on_the_five_credential_comparison(site, at, width):
    page = at(width, FIVE, site)

    assert page.evaluate(JS_CUT_OFF) == []


def test_five_credentials_fit_side_by_side_at_1280(site, at):
    page = at(1280, FIVE, site)

    headers = page.locator("table.compare thead th")
    assert headers.count() == 5
    right_edge = page.evaluate("document.documentElement.clientWidth")
    for index in range(5):
        box = headers.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= right_edge
    assert page.locator(".compare-cards").is_hidden()


def test_five_credentials_on_a_phone_are_five_cards_under_7000_px(site, at):
    page = at(390, FIVE, site, height=844)

    assert page.locator(".compare-wide").is_hidden()
    cards = page.locator(".compare-card")
    assert cards.count() == 5
    rows = [cards.nth(index).locator("dt").all_inner_texts() for index in range(5)]
    assert all(labels == rows[0] for labels in rows), "every card has the same rows in the same order"
    assert "Exam fee" in rows[0] and "Jobs and their pay" in rows[0]
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 7000, f"the comparison is {height}px tall at 390px"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("slug", CREDENTIALS)
def test_nothing_is_cut_off_on_a_credential_page(site, at, slug, width):
    page = at(width, f"/credentials/{slug}/", site)

    assert page.evaluate(JS_CUT_OFF) == []


def test_rhit_fee_table_shows_every_column_on_a_phone(site, at):
    page = at(390, "/credentials/rhit/", site, height=844)

    table = page.locator("#fees-heading ~ .table-scroll table")
    assert table.locator("thead th").all_inner_texts() == ["Fee", "Members", "Non-members", "As of"]
    width = page.evaluate("document.documentElement.clientWidth")
    for cell in table.locator("th, td").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, cell.inner_text()
    exam_fee = table.locator("tbody tr", has_text="Exam fee").first
    assert "$300" in exam_fee.inner_text()


@pytest.mark.parametrize("width", [768, 1024, 1280])
def test_chps_route_cards_break_no_word_mid_letter(site, at, width):
    page = at(width, "/credentials/chps/", site)

    assert page.locator(".routes > .route").count() >= 2
    assert page.evaluate(JS_BROKEN_WORDS, ".routes") == []


def test_chart_text_is_at_least_12px_on_a_phone(site, at):
    page = at(390, "/occupations/medical-records-and-health-information-technician/", site, height=844)

    sizes = page.evaluate(
        """() => [...document.querySelectorAll('figure.chart text, figure.chart li, figure.chart figcaption')]
          .filter((el) => el.getClientRects().length && getComputedStyle(el).display !== 'none')
          .map((el) => {
            const svg = el.closest('svg');
            const scale = svg ? svg.getScreenCTM().a : 1;
            return [el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize) * scale];
          })"""
    )
    assert sizes, "the occupation page has charts"
    small = [(text, round(size, 1)) for text, size in sizes if size < 12]
    assert not small, f"chart text under 12px at 390px: {small[:10]}"


def test_the_404_page_shows_its_ways_on_as_buttons_without_bullets(site, at):
    page = at(390, "/no-such-page/", site, height=844)

    items = page.locator(".error-page li")
    assert items.count() == 3
    assert {item.evaluate("li => getComputedStyle(li).listStyleType") for item in items.all()} == {"none"}
    assert page.get_by_role("search").count() == 1  # the header's search; the page's own form is not a second one
