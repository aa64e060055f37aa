"""Every public page is valid HTML, as the Nu HTML checker (vnu-jar, pinned in dev.py) judges it."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.public_pages import public_paths

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get(
        "CAREERPATH_VNU_JAR",
        Path(__file__).resolve().parents[2] / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar",
    )
)


def test_every_public_page_is_valid_html(client, content, tmp_path):
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML checker is not at {VNU_JAR}: run `python3 dev.py test`, which installs it.")
    names = {}
    for number, path in enumerate(public_paths()):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        page = tmp_path / f"page-{number:03d}.html"
        page.write_bytes(response.content)
        names[page.name] = path

    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}:{message.get('lastLine', '?')}: "
        f"{message['message']}"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]
    assert len(names) > 30
    assert not errors, "The Nu HTML checker found errors:\n" + "\n".join(errors)
