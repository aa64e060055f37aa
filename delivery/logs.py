"""Logging filters: one line per request for an outage or a bot, and one email per outage."""

import logging
import time

from django.core.exceptions import SuspiciousOperation

from .failures import is_database_down, is_nul_in_query


def _error(record):
    return record.exc_info[1] if record.exc_info else None


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class OneLineForExpectedFailures(logging.Filter):
    """Tracebacks are for bugs. A database that does not answer, a bad Host header or a NUL byte in a
    parameter is not one: say what happened in one line."""

    def filter(self, record):
        error = _error(record)
        if error is not None and is_database_down(error):
            request = getattr(record, "request", None)
            where = f"{request.method} {request.path}" if request is not None else record.getMessage()
            record.msg = "Database unavailable (%s: %s): %s"
            record.args = (type(error).__name__, first_line(error), where)
            record.exc_info = record.exc_text = None
        elif isinstance(error, SuspiciousOperation) or is_nul_in_query(error):
            record.exc_info = record.exc_text = None
        return True


class OneEmailPerOutage(logging.Filter):
    """While the database is down every request fails alike: email the first, then one per `seconds`."""

    def __init__(self, seconds=600):
        super().__init__()
        self.seconds = seconds
        self.last_sent = float("-inf")

    def filter(self, record):
        error = _error(record)
        if error is None or not is_database_down(error):
            return True
        now = time.monotonic()
        if now - self.last_sent < self.seconds:
            return False
        self.last_sent = now
        return True
