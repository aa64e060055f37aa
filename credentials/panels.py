"""Sections other apps add to a credential's page, prepared by its view, without this app importing them.

An app registers a function from its AppConfig.ready(), the way content apps register with the editorial
registry; the view calls each with the request and the credential and the template includes what comes
back. The planner's eligibility check is one: the dependency stays planner → credentials.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template_name: str
    context: dict


_providers = []


def register(provider):
    """`provider(request, credential)` returns a Panel, or None when it has nothing to add to that page."""
    if provider not in _providers:
        _providers.append(provider)


def for_credential(request, credential):
    return [panel for provider in _providers if (panel := provider(request, credential)) is not None]
