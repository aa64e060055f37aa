"""The client's address, as django-axes counts failed sign-ins by it.

Behind N reverse proxies that each append the address they received a request from to
X-Forwarded-For, the client is the (N+1)-th address from the right of "X-Forwarded-For, REMOTE_ADDR":
whatever a client writes into the header itself stays to the left and is never believed. With no
trusted proxy (the default) the header is ignored altogether.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]
    if len(chain) <= proxies:
        # Fewer hops than configured proxies: the request did not come through them; trust nothing.
        return remote
    return _valid(chain[-(proxies + 1)]) or remote
