"""Failures that are not bugs in the site: the database is unreachable, or the request was malformed."""

from django.db import DataError, InterfaceError, OperationalError

# SQLSTATE classes that mean the database server cannot serve us now, not that a query is wrong:
# 08 connection exception, 53 insufficient resources (too many connections, disk full), 57 operator
# intervention (shutting down, starting up, query cancelled by a timeout), 58 system error (I/O).
UNAVAILABLE_SQLSTATE_CLASSES = {"08", "53", "57", "58"}
# SQLite's primary result codes for the same: busy, locked, I/O error, full, cannot open.
UNAVAILABLE_SQLITE_CODES = {5, 6, 10, 13, 14}


def is_database_down(error):
    """Whether `error` says the database cannot be reached or cannot serve now (it passes by itself).

    A missing table or column is an OperationalError too (on SQLite), but it is a bug or a missing
    migration: that stays a 500 with its traceback.
    """
    if isinstance(error, InterfaceError):
        return True  # the connection was closed under us
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)  # psycopg2, psycopg 3
    if sqlstate:
        return sqlstate[:2] in UNAVAILABLE_SQLSTATE_CLASSES
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return sqlite_code & 0xFF in UNAVAILABLE_SQLITE_CODES
    # No code at all: the driver failed before the server answered (could not connect, connection lost).
    return True


def is_nul_in_query(error):
    # PostgreSQL cannot store or compare text containing NUL: psycopg2 raises ValueError, psycopg 3 a
    # DataError. Only a request can bring one (a parameter such as ?c=%00), so it is a bad request.
    return isinstance(error, ValueError | DataError) and "NUL" in str(error) and "0x00" in str(error)
