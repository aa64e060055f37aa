"""The layout tells the architecture: every import between the project's apps points down."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Lower apps never import higher ones; apps on one level never import each other.
LEVELS = {
    "editorial": 0,
    "sources": 1,
    "delivery": 1,  # serves pages whatever they show: it knows the content version, no content app
    "credentials": 2,
    "guides": 3,
    "sharing": 4,
    "planner": 5,  # follows sharing's slug redirects for links shared from the first planner
}


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top in LEVELS:
                yield top, node.lineno


def test_imports_between_apps_point_down():
    wrong = []
    for app, level in LEVELS.items():
        for path in (ROOT / app).rglob("*.py"):
            for other, line in imported_apps(path):
                if other != app and LEVELS[other] >= level:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {other}")
    assert wrong == []
