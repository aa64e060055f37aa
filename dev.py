#!/usr/bin/env python3
"""Set up and run careerpath with nothing but Python 3.11+.

    python3 dev.py serve   # create .venv, install, migrate, load the content, serve http://127.0.0.1:8000
    python3 dev.py test    # create .venv, install test tools and the browser, run the whole test suite

Extra arguments after `test` go to pytest (for example `python3 dev.py test tests/guides -x`). With none, the
whole suite runs on one worker per core (pytest-xdist, at most four), each with its own test database.
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = os.environ.get("CAREERPATH_CHROMIUM", "/usr/bin/chromium")
# The Nu HTML checker, from the npm package vnu-jar (pinned); it runs on Java 11 or newer.
VNU_VERSION = "26.9.27"
VNU_DIR = VENV / "vnu"
VNU_JAR = VNU_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run(*args, **kwargs):
    print("+", " ".join(str(arg) for arg in args), flush=True)
    subprocess.run([str(arg) for arg in args], check=True, cwd=ROOT, **kwargs)


def install(requirements):
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older python3)
        sys.exit(f"careerpath needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed-{requirements}"
    files = [ROOT / "requirements.txt", ROOT / requirements]
    newest = max(path.stat().st_mtime for path in files)
    if not stamp.exists() or stamp.stat().st_mtime < newest:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements)
        stamp.touch()


def ensure_browser():
    """The browser tests drive Debian's Chromium; install it when we can, else say exactly what to do."""
    if Path(CHROMIUM).exists():
        return
    can_apt = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if can_apt:
        run("apt-get", "update", "-qq")
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core", env=quiet)
    if not Path(CHROMIUM).exists():
        sys.exit(
            f"The browser tests need Chromium at {CHROMIUM} and it is not there.\n"
            "  Debian/Ubuntu: sudo apt-get install chromium\n"
            "  Elsewhere: install Chromium or Chrome and set CAREERPATH_CHROMIUM=/path/to/the/binary"
        )


def ensure_html_checker():
    """The HTML validity tests run the Nu HTML checker: install the pinned vnu-jar with npm, or say what is missing."""
    missing = [name for name in ("java", "npm") if shutil.which(name) is None]
    if missing:
        sys.exit(
            "The HTML validity tests need the Nu HTML checker, which needs " + " and ".join(missing) + " (not found).\n"
            "  Debian/Ubuntu: sudo apt-get install default-jre-headless npm\n"
            "  Elsewhere: install Java 11+ and Node.js with npm, then run this command again."
        )
    installed = VNU_DIR / "node_modules" / "vnu-jar" / "package.json"
    if VNU_JAR.exists() and f'"version": "{VNU_VERSION}"' in installed.read_text():
        return
    VNU_DIR.mkdir(parents=True, exist_ok=True)
    run("npm", "install", "--prefix", VNU_DIR, "--no-save", "--no-audit", "--no-fund", f"vnu-jar@{VNU_VERSION}")


def serve():
    # The settings are safe by default (debug off, a secret key required); a newcomer's own machine runs in debug.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    install("requirements.txt")
    run(PYTHON, "manage.py", "migrate", "--no-input")
    run(PYTHON, "manage.py", "load_content", "--if-empty")
    run(PYTHON, "manage.py", "runserver", "127.0.0.1:8000")


def test(pytest_args):
    os.environ.setdefault("DJANGO_DEBUG", "1")
    install("requirements-dev.txt")
    ensure_browser()
    ensure_html_checker()
    env = {**os.environ, "CAREERPATH_CHROMIUM": CHROMIUM, "CAREERPATH_VNU_JAR": str(VNU_JAR)}
    # The whole suite is shared out between one worker per core (at most four: each runs its own browser).
    workers = [] if pytest_args else ["--numprocesses=auto", "--maxprocesses=4", "--dist=worksteal"]
    result = subprocess.run([str(PYTHON), "-m", "pytest", *workers, *pytest_args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


def main():
    command, *rest = sys.argv[1:] or ["help"]
    if command == "serve":
        serve()
    elif command == "test":
        test(rest)
    else:
        print(__doc__)
        sys.exit(0 if command == "help" else 2)


if __name__ == "__main__":
    main()
