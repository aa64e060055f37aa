#!/usr/bin/env python3
"""Measure careerpath's public pages against its own CSS, under gunicorn with README's configuration.

    .venv/bin/python scripts/benchmark.py                          # this checkout
    .venv/bin/python scripts/benchmark.py --checkout /work/baseline --checkout .   # before and after

For each checkout it builds a throwaway SQLite database with the transcribed content, collects static
files and starts gunicorn exactly as README deploys it (`gunicorn.conf.py` when the checkout has one,
otherwise the `gunicorn …` line of README's Deploying section), with production settings on 127.0.0.1.
Then it loads each page with wrk (`apt-get install wrk`), at 16 and at 64 connections, checkouts taking
turns page by page so that they share the machine's conditions, and prints ONE table: requests per
second, p50 and p99 latency, the ratio to the CSS file served by the same server in the same run, and
responses that were not 2xx/3xx (with socket errors and timeouts). Search and the planner are measured
three ways: at one address (as a shared link is); with a new query string on every request (a parameter
the views ignore), so that no cached page can answer; and with a different search question or a different
student's planner answers on every request (drawn from 40 student questions, and from 2,000 students made
up from what the checkout's planner form offers), as real visitors bring them. A mixed soak at 64
connections (--soak seconds, every page) counts failures; after each measurement the script waits until
the server answers promptly again and reports the longest wait (the stall after a burst). Each page's
in-process render time (production settings without the page cache, so nothing is kept between requests,
as for the first visitor after an edit; the best of three rounds, checkouts taking turns) is printed with
its query count and size. With --redis-url, a
second server of the last checkout shares the database and Redis, an advisor edits a pathway through
the first server's admin, and the script reports how long the edit took to show on each server.

The machine's load average is printed with the results: numbers taken on a busy machine are noisy.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.client import HTTPConnection
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PATHWAY = "rhit-in-four-steps"
SEARCH = "/search/?q=tumor+registrar"
# A student with an accredited associate degree in health information, aiming at the RHIT; the first
# address is the planner's form today, the second its form before issue 11 (for older checkouts).
PLANNER = (
    "/planner/?education=associate&field=health-information&program=associate&accredited=cahiim"
    "&stage=finished&experience=none&target=credential-rhit"
)
OLD_PLANNER = "/planner/?education=associate&course=anatomy-and-physiology&hours=1950&target=credential-rhit"
# Student questions for "search, a different question each time" (the phrasings tests/guides checks).
QUESTIONS = [
    "tumor registrar",
    "salary",
    "how much do medical records technicians make",
    "rhit vs ccs",
    "how long rhit",
    "cost",
    "exam fee",
    "coder",
    "medical coding",
    "cancer registrar",
    "ods",
    "rhia",
    "chps",
    "ccs-p",
    "privacy",
    "health information management degree",
    "associate degree",
    "bachelor",
    "cahiim",
    "renewal",
    "ceu",
    "pharmacy technician",
    "transcriptionist",
    "information clerk",
    "job outlook",
    "what do they do",
    "wage",
    "online program",
    "practicum",
    "pearson vue",
    "ahima",
    "ncra",
    "bls",
    "tuition",
    "how to become an rhit",
    "certification",
    "experience",
    "hospital",
    "earn",
    "registered health information technician",
]
PAGES = [
    # (label, path, how requests vary): "same" asks one address every time (as a shared link is); "fresh" adds a
    # new query-string parameter the views ignore to every request, which no cache can answer; "questions" and
    # "profiles" ask a different search question or a different student's planner answers each time (drawn from
    # QUESTIONS, and from the answers the checkout's planner form offers), with the new parameter too.
    ("home", "/", "same"),
    ("pathway", f"/pathways/{PATHWAY}/", "same"),
    ("step", f"/pathways/{PATHWAY}/steps/2/", "same"),
    ("occupation", "/occupations/medical-records-and-health-information-technician/", "same"),
    ("credential", "/credentials/rhit/", "same"),
    ("compare 5 credentials", "/compare/credentials/?c=ccs&c=chps&c=ctr&c=rhia&c=rhit", "same"),
    ("search", SEARCH, "same"),
    ("search, new query each time", SEARCH, "fresh"),
    ("search, a different question", SEARCH, "questions"),
    ("planner with a profile", PLANNER, "same"),
    ("planner, new profile each time", PLANNER, "fresh"),
    ("planner, a different student", PLANNER, "profiles"),
]
CSS_LABEL = "site.css (static)"
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept": "text/html,*/*;q=0.8"}
SECRET = "benchmark-only-secret-key-not-for-production-0123456789abcdefghij"
ADVISOR_PASSWORD = "benchmark-Advisor-passphrase-42"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average():
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3]) + f" on {os.cpu_count()} cores"
    except OSError:
        return ""


def readme_gunicorn_args(checkout):
    """The arguments of the `gunicorn …` line in README's Deploying section (for checkouts without a config file)."""
    readme = (checkout / "README.md").read_text(encoding="utf-8")
    deploying = readme[readme.find("## Deploying") :]
    line = next(line for line in deploying.splitlines() if line.strip().startswith("gunicorn "))
    args = shlex.split(line.split("#")[0])[1:]
    cleaned, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--bind", "-b"):
            skip = True
            continue
        if arg.startswith("--bind=") or arg.endswith(".wsgi") or ".wsgi:" in arg:
            continue
        cleaned.append(arg)
    return cleaned


@dataclass
class Checkout:
    path: Path
    name: str
    workdir: Path
    redis_url: str = ""
    servers: list = field(default_factory=list)
    ports: list = field(default_factory=list)
    css: str = ""
    planner: str = PLANNER
    students: list = field(default_factory=list)

    def variants(self, kind):
        """The addresses a "questions" or "profiles" measurement draws from."""
        if kind == "questions":
            return ["/search/?" + urllib.parse.urlencode({"q": question}) for question in QUESTIONS]
        return self.students

    def address(self, path):
        """This checkout's address for a page (its planner's form may be an older one)."""
        return self.planner if path == PLANNER else path

    @property
    def python(self):
        return self.path / ".venv" / "bin" / "python"

    def env(self, **extra):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "careerpath.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_BEHIND_PROXY": "0",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'bench.sqlite3'}",
            "DJANGO_LOG_LEVEL": "WARNING",
            "ADVISOR_PASSWORD": ADVISOR_PASSWORD,
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        env.pop("REDIS_URL", None)
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        env.update(extra)
        return env

    def manage(self, *args, capture=False):
        result = subprocess.run(
            [str(self.python), "manage.py", *args],
            cwd=self.path,
            env=self.env(),
            check=True,
            capture_output=capture,
            text=True,
        )
        return result.stdout

    def prepare(self):
        if not self.python.exists():
            sys.exit(f"{self.path} has no .venv: run `cd {self.path} && python3 dev.py test --co -q` first.")
        self.manage("migrate", "-v0")
        self.manage("load_content", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        self.manage("create_advisor", "benchmark", "--no-input", "-v0", capture=True)

    def start_server(self):
        port = free_port()
        if (self.path / "gunicorn.conf.py").exists():
            config = ["-c", "gunicorn.conf.py"]
        else:
            config = ["-c", "/dev/null", *readme_gunicorn_args(self.path)]
        log = open(self.workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 (closed with the server)
        server = subprocess.Popen(
            [str(self.python), "-m", "gunicorn", *config, "--bind", f"127.0.0.1:{port}", "careerpath.wsgi"],
            cwd=self.path,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.servers.append((server, log))
        self.ports.append(port)
        for _ in range(200):
            try:
                if get(port, "/robots.txt")[0] == 200:
                    return port
            except OSError:
                time.sleep(0.1)
        sys.exit(f"gunicorn for {self.path} did not start; see {log.name}")

    def stop(self):
        for server, log in self.servers:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            log.close()

    def url(self, path, port=None):
        return f"http://127.0.0.1:{port or self.ports[0]}{self.address(path)}"

    def config_summary(self):
        code = textwrap.dedent(
            """
            import runpy
            cfg = runpy.run_path("gunicorn.conf.py")
            print(f"{cfg.get('workers')} {cfg.get('worker_class', 'sync')} workers x {cfg.get('threads', 1)} threads")
            """
        )
        if (self.path / "gunicorn.conf.py").exists():
            result = subprocess.run(
                [str(self.python), "-c", code], cwd=self.path, env=self.env(), capture_output=True, text=True
            )
            return "gunicorn.conf.py: " + result.stdout.strip()
        return "README: gunicorn " + " ".join(readme_gunicorn_args(self.path))


def get(port, path, headers=None, method="GET", body=None):
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.read(), response
    finally:
        conn.close()


LUA_FRESH_QUERY = """
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format(nil, wrk.path .. "&bench=" .. math.random(1, 2000000000))
end
"""

LUA_PICK = """
paths = {%s}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format(nil, paths[math.random(1, #paths)] .. "&bench=" .. math.random(1, 2000000000))
end
"""

LUA_MIX = """
paths = {%s}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local path = paths[math.random(1, #paths)]
  if path:find("?", 1, true) and not path:find("/compare/", 1, true) then
    path = path .. "&bench=" .. math.random(1, 2000000000)
  end
  return wrk.format(nil, path)
end
"""


@dataclass
class Result:
    rate: float = 0.0
    p50: float = 0.0
    p99: float = 0.0
    failures: int = 0
    requests: int = 0


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def settle(port):
    """Seconds until the server answers a small request promptly again (after a burst, it may still be
    working through requests whose clients have gone)."""
    started = time.perf_counter()
    prompt = 0
    while prompt < 2 and time.perf_counter() - started < 120:
        asked = time.perf_counter()
        try:
            get(port, "/robots.txt")
        except OSError:
            time.sleep(0.1)
            continue
        prompt = prompt + 1 if time.perf_counter() - asked < 0.1 else 0
    return time.perf_counter() - started


def wrk(url, connections, seconds, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in BROWSER_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script or "")
    if script:
        command += ["-s", lua.name]
    try:
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(lua.name)
    result = Result()
    result.rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    result.requests = int(re.search(r"(\d+) requests in", output).group(1))
    result.p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    result.p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result.failures = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(n) for n in errors.groups()) if errors else 0)
    return result


RENDER_CODE = """
import json, statistics, sys, time, gzip
import careerpath.wsgi  # the application as the server loads it (Django set up, and its process settings)
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
# Production settings, less the page cache: nothing kept from one request to the next (no cached pages, no kept
# fragments, no memoized content), as for the first visitor after an edit. Django's test-only template
# instrumentation (setup_test_environment) is left out: production never runs it, and it adds about a third.
settings.PAGE_CACHE = False
client = Client(HTTP_HOST="127.0.0.1")
rows = {}
for label, paths in json.loads(sys.argv[1]):
    client.get(paths[0])  # imports, template loading, first connection
    times, cpu, sizes = [], [], []
    for path in paths:
        started, started_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, follow=True)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        sizes.append(len(gzip.compress(response.content)) / 1024)
    rows[label] = {
        "status": response.status_code,
        "ms": statistics.median(times),
        "cpu_ms": statistics.median(cpu),
        "max_ms": max(times),
        "queries": len(queries),
        "kb": len(response.content) / 1024,
        "gzip_kb": statistics.median(sizes),
    }
print(json.dumps(rows))
"""


def render_times(checkout):
    """In-process render times: five renders of each fixed address, or one each of ten varied ones."""
    pages = []
    for label, path, kind in PAGES:
        if kind in ("questions", "profiles"):
            pages.append((label, checkout.variants(kind)[:10]))
        else:
            pages.append((label, [checkout.address(path)] * 5))
    result = subprocess.run(
        [str(checkout.python), "-c", RENDER_CODE, json.dumps(pages)],
        cwd=checkout.path,
        env=checkout.env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


class FormParser(HTMLParser):
    """The fields a browser would submit from an admin change form, unchanged."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form = [], False
        self._select = self._textarea = None
        self._options = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and "_form" in (attrs.get("id") or ""):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            self.fields.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attrs), []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self._select = None


class FormOptions(HTMLParser):
    """The answers a GET form offers: {name: [values]} for its selects (every option, "" included) and checkboxes."""

    def __init__(self):
        super().__init__()
        self.options, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select:
            self.options.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "input" and attrs.get("type") == "checkbox" and attrs.get("name"):
            self.options.setdefault(attrs["name"], []).append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def students(form_html, count, seed=2026):
    """`count` planner addresses, each a different student drawn at random from what the form offers (a fixed
    seed, so every run and checkout asks the same ones): every question answered or left out alike, a few
    credentials held, years of work only with a kind of work, sometimes a target."""
    import random

    parser = FormOptions()
    parser.feed(form_html)
    chance = random.Random(seed)
    checkboxes = {"held", "course"}
    addresses = set()
    while len(addresses) < count:
        pairs = []
        for name, values in parser.options.items():
            if name in checkboxes:
                pairs += [(name, value) for value in values if chance.random() < 0.15]
            else:
                pairs.append((name, chance.choice(values)))
        answers = dict(pairs)
        if answers.get("experience") and "years" in form_html:
            pairs.append(("years", chance.choice(["", "0.5", "1", "2", "3.5", "6", "10"])))
        pairs = [(name, value) for name, value in pairs if value]
        addresses.add("/planner/?" + urllib.parse.urlencode(pairs or [("education", "unknown")]))
    return sorted(addresses)


class Browser:
    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        status, content, response = get(self.port, path, headers, method=method, body=body)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return status, content.decode("utf-8", "replace"), response

    def log_in(self, username, password):
        _status, html, _response = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        form = {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"}
        status, _html, _response = self.request("POST", "/admin/login/", form)
        if status != 302:
            raise RuntimeError("the benchmark advisor could not sign in")


def two_servers(checkout, public_a, public_b):
    """An advisor edits a pathway's title through server A's admin; how long until A and B show it?"""
    port_a, port_b = checkout.ports[0], checkout.ports[1]
    for port in (port_a, port_b):  # both servers have the page cached
        for _ in range(3):
            get(port, public_a, BROWSER_HEADERS)
    advisor = Browser(port_a)
    advisor.log_in("benchmark", ADVISOR_PASSWORD)
    code = f"from guides.models import Pathway; print(Pathway.objects.get(slug={PATHWAY!r}).pk)"
    pk = checkout.manage("shell", "-v0", "-c", code, capture=True).split()[-1]
    change = f"/admin/guides/pathway/{pk}/change/"
    _status, html, _ = advisor.request("GET", change)
    parser = FormParser()
    parser.feed(html)
    title = f"Become an RHIT (edited {int(time.time())})"
    form = [(name, title if name == "title" else value) for name, value in parser.fields] + [("_save", "Save")]
    status, _html, _ = advisor.request("POST", change, form)
    saved = time.perf_counter()
    if status != 302:
        return "the advisor's edit was refused by the admin; not measured"
    seen = {}
    while len(seen) < 2 and time.perf_counter() - saved < 10:
        for name, port in (("A", port_a), ("B", port_b)):
            if (
                name not in seen
                and title in get(port, public_b, BROWSER_HEADERS | {"Accept-Encoding": "identity"})[1].decode()
            ):
                seen[name] = (time.perf_counter() - saved) * 1000
        time.sleep(0.005)
    found = ", ".join(f"server {name} after {ms:.0f} ms" for name, ms in sorted(seen.items()))
    return f"an advisor's edit through server A's admin showed to visitors on {found or 'neither within 10 s'}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--checkout", action="append", type=Path, help="a checkout to measure (repeat; default: this one)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and connection count (default 10)")
    parser.add_argument("--soak", type=int, default=60, help="seconds of mixed load at 64 connections (0 skips)")
    parser.add_argument("--connections", default="16,64", help="connection counts (default 16,64)")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help="a Redis database for the cache, which the benchmark empties (default $REDIS_URL)",
    )
    args = parser.parse_args()

    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    levels = [int(n) for n in args.connections.split(",")]
    root = Path(tempfile.mkdtemp(prefix="careerpath-bench-"))
    checkouts = []
    for index, path in enumerate(args.checkout or [HERE]):
        path = path.resolve()
        workdir = root / str(index)
        workdir.mkdir()
        name = path.name if path.name not in {c.name for c in checkouts} else f"{path.name}-{index}"
        checkouts.append(Checkout(path=path, name=name, workdir=workdir, redis_url=args.redis_url))
    if args.redis_url:
        import redis  # the benchmark starts from an empty cache, as after a deploy

        redis.Redis.from_url(args.redis_url).flushdb()

    print(f"careerpath benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {load_average()} at the start")
    try:
        for checkout in checkouts:
            checkout.prepare()
            checkout.start_server()
            status, html, _ = get(checkout.ports[0], "/")
            checkout.css = re.search(r'href="(/static/css/site[^"]*\.css)"', html.decode()).group(1)
            if get(checkout.ports[0], PLANNER)[0] != 200:
                checkout.planner = OLD_PLANNER
            checkout.students = students(get(checkout.ports[0], "/planner/")[1].decode(), 2000)
            print(f"  {checkout.name}: {checkout.path} ({checkout.config_summary()}), CSS {checkout.css}")
        print(f"  wrk, 2 threads, {args.duration} s per measurement, headers {BROWSER_HEADERS}")
        print(
            f"  cache: {'Redis ' + args.redis_url if args.redis_url else 'none configured (each checkout’s default)'}"
        )

        # Render times: three rounds, checkouts taking turns, each page's best round kept (a busy minute on this
        # machine would otherwise land on one checkout only).
        renders = {checkout.name: {} for checkout in checkouts}
        for _round in range(3):
            for checkout in checkouts:
                for label, row in render_times(checkout).items():
                    best = renders[checkout.name].get(label)
                    if best is None or row["ms"] < best["ms"]:
                        renders[checkout.name][label] = row
        targets = [(CSS_LABEL, None, "same"), *PAGES]
        for checkout in checkouts:  # warm up: each worker renders each page once
            for _label, path, kind in PAGES:
                wrk(checkout.url(path), 8, 1, script(checkout, kind))
            settle(checkout.ports[0])
        results, stalls = {}, {checkout.name: 0.0 for checkout in checkouts}
        for connections in levels:
            for label, path, kind in targets:
                for checkout in checkouts:
                    url = checkout.url(path) if path else checkout.url(checkout.css)
                    results[label, checkout.name, connections] = wrk(
                        url, connections, args.duration, script(checkout, kind)
                    )
                    stalls[checkout.name] = max(stalls[checkout.name], settle(checkout.ports[0]))

        soak = {}
        if args.soak:
            for checkout in checkouts:
                addresses = [checkout.address(path) for _label, path, _kind in PAGES] + [checkout.css]
                paths = ", ".join(json.dumps(address) for address in addresses)
                soak[checkout.name] = wrk(checkout.url("/"), 64, args.soak, LUA_MIX % paths)
                stalls[checkout.name] = max(stalls[checkout.name], settle(checkout.ports[0]))

        report(checkouts, targets, levels, results, renders, soak, args)
        print("\nLongest wait, after a measurement ended, until the server answered a small request promptly:")
        for name, seconds in stalls.items():
            print(f"  {name}: {seconds:.1f} s")

        if args.redis_url and checkouts:
            last = checkouts[-1]
            last.start_server()
            print("\nTwo app servers of", last.name, "sharing one database and one Redis:")
            print(" ", two_servers(last, f"/pathways/{PATHWAY}/", f"/pathways/{PATHWAY}/"))
        print(f"\n{load_average()} at the end")
    finally:
        for checkout in checkouts:
            checkout.stop()
        if args.redis_url:
            import redis

            redis.Redis.from_url(args.redis_url).flushdb()
        shutil.rmtree(root, ignore_errors=True)


def script(checkout, kind):
    """The wrk script that varies each request as `kind` says (None: the same address every time)."""
    if kind == "fresh":
        return LUA_FRESH_QUERY
    if kind in ("questions", "profiles"):
        return LUA_PICK % ", ".join(json.dumps(address) for address in checkout.variants(kind))
    return None


def report(checkouts, targets, levels, results, renders, soak, args):
    width = max(len(label) for label, _path, _kind in targets) + 2
    names = max(len(checkout.name) for checkout in checkouts) + 2
    head = f"{'page':<{width}}{'checkout':<{names}}"
    for connections in levels:
        head += f"| {connections:>3} conns: req/s   p50 ms   p99 ms  ×static  non-2xx "
    head += "| render ms  (CPU)   max  queries  KB (gzip)"
    print()
    print(head)
    print("-" * len(head))
    for label, _path, _kind in targets:
        for index, checkout in enumerate(checkouts):
            line = f"{label if index == 0 else '':<{width}}{checkout.name:<{names}}"
            for connections in levels:
                result = results[label, checkout.name, connections]
                css = results[CSS_LABEL, checkout.name, connections].rate
                line += (
                    f"|           {result.rate:>7.0f} {result.p50:>8.1f} {result.p99:>8.1f} "
                    f"{result.rate / css:>8.2f} {result.failures:>8} "
                )
            render = renders[checkout.name].get(label)
            if render:
                line += (
                    f"| {render['ms']:>9.1f} {render['cpu_ms']:>6.1f} {render['max_ms']:>5.0f} {render['queries']:>8} "
                )
                line += f"{render['gzip_kb']:>10.1f}"
                if render["status"] != 200:
                    line += f"  (status {render['status']})"
            print(line)
    print(
        "×static: the page's req/s over the CSS file's at the same connection count, same server, same run. "
        "non-2xx: responses ≥ 400 plus socket errors and timeouts (10 s).\n"
        "render ms: median of 5 in-process renders after a warm-up (of 10 different ones for a different question "
        "or student), with production settings less the page cache: nothing kept between requests, as for the "
        "first visitor after an edit (less the network); the best of three rounds, checkouts taking turns; "
        "(CPU): the process's CPU time for it; max: the slowest in that round."
    )
    if soak:
        print(f"\nMixed load, every page and the CSS, 64 connections for {args.soak} s:")
        for name, result in soak.items():
            print(
                f"  {name:<{names}} {result.requests} requests, {result.rate:.0f} req/s, p50 {result.p50:.1f} ms, "
                f"p99 {result.p99:.1f} ms, non-2xx and socket errors: {result.failures}"
            )


if __name__ == "__main__":
    main()
