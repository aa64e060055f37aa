import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_print_view_carries_every_step_in_full_with_dated_sources_and_the_live_address(client, shared):
    response = client.get("/pathways/rhit-route/print/")

    html = response.content.decode()
    assert response.status_code == 200
    for position, title in enumerate(["Earn an associate degree", "Pass the RHIT exam", "Find a job"], start=1):
        assert title in html
        assert f"Body of step {position}." in html
        assert f"The source&#x27;s sentence for step {position}." in html
    assert "$100 to $200" in html and "$600 to $1,200" in html
    assert "(publisher unknown, May 2015)" in html
    assert "http://testserver/pathways/rhit-route/" in html
    assert '<figure class="print-qr">' in html and "<svg" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_print_stylesheet_keeps_the_qr_code_and_hides_what_paper_cannot_use():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()

    sharing = css[css.index("Sharing (share panel") :]
    assert "@media print" in sharing and ".print-qr { display: block" in sharing
    assert ".step__permalink" in sharing
