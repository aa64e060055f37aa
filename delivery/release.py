"""A fingerprint of the release a process serves: its code, templates, static files and pinned requirements.

Cached pages and their ETags carry it, so pages rendered by the previous release are never served by the
new one after a deploy, and servers of two releases (during a rolling deploy) never share pages. Computed
once per process from the files themselves, so no deploy step can forget to set it.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

# What shapes a rendered page; tests, fixtures (content lives in the database) and tooling do not.
EXTENSIONS = {".py", ".html", ".css", ".js", ".svg", ".txt"}
SKIPPED = {".venv", ".git", "node_modules", "staticfiles", "tests", "fixtures", "scripts", "__pycache__"}


def _files(root):
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED and not name.startswith("."))
        for name in sorted(names):
            if Path(name).suffix in EXTENSIONS:
                yield Path(directory) / name


@cache
def fingerprint():
    """A short hash over every file that shapes a page (a few hundred small files: milliseconds, once)."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha1(usedforsecurity=False)
    for path in _files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
