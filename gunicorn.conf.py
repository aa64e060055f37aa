"""gunicorn's settings for careerpath: `gunicorn -c gunicorn.conf.py careerpath.wsgi` (README, Deploying).

Sync workers, one per core (WEB_CONCURRENCY overrides). A cached page or a static file takes well under
a millisecond of CPU, so a worker per core keeps every core busy without making requests wait on each
other; measured on 2 cores, more workers added nothing for static files and threads (gthread) raised
cached-page throughput a little but made p99 latency about four times worse.

What used to stall the site after a burst was work for clients that had already left: a sync worker takes
queued connections one by one and rendered every queued page, even when its client had timed out long
before, so static files waited behind seconds of pages nobody would read. The site now skips those
(delivery.middleware.AbandonedRequestMiddleware), the backlog is kept short so that a burst beyond it is
refused at once instead of queuing for seconds, and a worker stuck on one request is replaced after
`timeout` seconds. An unreachable database answers within its connect timeout (3 s) with a 503 page.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
# Connections waiting for a worker. At ~1 ms a cached page, 512 are half a second of work per worker;
# beyond that, a client is better refused (and retried by the proxy) than left waiting.
backlog = 512
timeout = 30  # a worker busy with one request for this long is killed and replaced
graceful_timeout = 20  # on reload or shutdown, requests in progress get this long to finish
# Behind a reverse proxy on the same host; set FORWARDED_ALLOW_IPS to the proxy's address otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Requests are logged by the proxy; errors and the site's own log go to standard error.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
