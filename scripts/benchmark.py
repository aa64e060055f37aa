#!/usr/bin/env python3
"""Measure careerpath's public pages: queries, page weight, and throughput under gunicorn.

    .venv/bin/python scripts/benchmark.py [--requests 200] [--concurrency 4]

It builds a throwaway SQLite database with the transcribed content, counts SQL queries and bytes for
each page through Django's test client, then serves the site with gunicorn (production settings,
WhiteNoise, 2 workers) on 127.0.0.1 and sends a bounded number of requests per page from a few threads,
printing requests per second and latency percentiles. Nothing leaves this machine.
"""

import argparse
import gzip
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/pathways/",
    "/pathways/rhit-in-four-steps/",
    "/occupations/medical-records-and-health-information-technician/",
    "/credentials/",
    "/credentials/rhit/",
    "/compare/credentials/?c=ctr&c=rhia&c=rhit",
    "/compare/occupations/?o=medical-records-and-health-information-technician&o=pharmacy-technician",
    "/compare/pathways/?p=health-information-tech-three-steps&p=rhit-in-four-steps",
    "/search/?q=tumor+registrar",
    "/sources/",
    "/planner/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env):
    python = sys.executable
    for command in (["migrate", "-v0"], ["load_content", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)


def measure_queries(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip", secure=True)
    rows = []
    for path in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        body = response.content
        rows.append((path, response.status_code, len(queries), len(body), len(gzip.compress(body))))
    return rows


def hammer(port, path, total, concurrency):
    latencies, errors, lock = [], [], threading.Lock()
    per_thread = total // concurrency

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(per_thread):
            started = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                (latencies if response.status == 200 else errors).append(elapsed)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return latencies, errors, wall


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="careerpath-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careerpath.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    prepare(env)

    print(f"{'page':<62} {'status':>6} {'queries':>7} {'bytes':>8} {'gzip':>7}")
    for path, status, queries, size, zipped in measure_queries(env):
        print(f"{path[:62]:<62} {status:>6} {queries:>7} {size:>8} {zipped:>7}")

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "careerpath.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(f"\ngunicorn, 2 workers, {args.concurrency} client threads, {args.requests} requests per page")
        print(f"{'page':<62} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
        for path in PAGES:
            latencies, errors, wall = hammer(port, path, args.requests, args.concurrency)
            if not latencies:
                print(f"{path[:62]:<62} all {len(errors)} requests failed")
                continue
            p50 = statistics.median(latencies) * 1000
            p95, p99 = percentile(latencies, 0.95) * 1000, percentile(latencies, 0.99) * 1000
            rate = len(latencies) / wall
            print(f"{path[:62]:<62} {rate:>7.0f} {p50:>7.1f} {p95:>7.1f} {p99:>7.1f} {len(errors):>6}")
        css = "/static/css/site.css"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/", headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
        html = conn.getresponse().read().decode()
        href = next(part.split('"')[0] for part in html.split('href="')[1:] if "/static/css/site" in part)
        conn.request("GET", href, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        print(
            f"\n{css} served as {href}: Content-Encoding={response.getheader('Content-Encoding')}, "
            f"Cache-Control={response.getheader('Cache-Control')}"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
