"""README is the operator's manual: it must name every setting an operator can change."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# env_bool("X", …), env_list("X"), os.environ.get("X"), os.environ["X"], os.getenv("X")
READS = re.compile(r"""(?:env_\w+|environ\.get|getenv|environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read(path):
    return set(READS.findall(path.read_text(encoding="utf-8")))


def documented_variables():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", readme, flags=re.MULTILINE))


def test_readme_documents_every_environment_variable_the_settings_read():
    read = variables_read(ROOT / "careerpath" / "settings.py")

    assert read, "the settings read no environment variables? the pattern above is out of date"
    assert sorted(read - documented_variables()) == []


def test_readme_documents_the_variables_dev_py_and_the_tests_read():
    read = variables_read(ROOT / "dev.py") | variables_read(ROOT / "tests" / "content" / "test_content.py")

    assert sorted(read - documented_variables()) == []
