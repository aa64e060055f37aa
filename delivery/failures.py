"""Failures that are not bugs in the site: the database is unreachable, or the request was malformed."""

from django.db import DataError, InterfaceError, OperationalError


def is_database_down(error):
    # OperationalError: could not connect, connection lost, server shutting down. InterfaceError: the
    # connection was already closed under us. Both pass once the database answers again.
    return isinstance(error, (OperationalError, InterfaceError))


def is_nul_in_query(error):
    # PostgreSQL cannot store or compare text containing NUL: psycopg2 raises ValueError, psycopg 3 a
    # DataError. Only a request can bring one (a parameter such as ?c=%00), so it is a bad request.
    return isinstance(error, ValueError | DataError) and "NUL" in str(error) and "0x00" in str(error)
