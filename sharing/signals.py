"""Record a redirect whenever an advisor renames the slug of a pathway, occupation, credential or organization."""

from django.db.models.signals import post_save, pre_save

from credentials.models import Credential, Organization
from guides.models import Occupation, Pathway

from .models import SlugKind, SlugRedirect

KIND_BY_MODEL = {
    Pathway: SlugKind.PATHWAY,
    Occupation: SlugKind.OCCUPATION,
    Credential: SlugKind.CREDENTIAL,
    Organization: SlugKind.ORGANIZATION,
}


def remember_stored_slug(sender, instance, raw=False, **kwargs):
    stored = None
    if not raw and instance.pk is not None:
        stored = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    instance._stored_slug = stored


def record_rename(sender, instance, raw=False, **kwargs):
    # Fixture loads (raw) keep their slugs; the redirect only answers 404s, so a loaded page still wins.
    if raw:
        return
    # Written after the save, so a rename the database refuses (a duplicate slug) records nothing.
    SlugRedirect.objects.record(
        KIND_BY_MODEL[sender], old_slug=getattr(instance, "_stored_slug", None), new_slug=instance.slug
    )


def connect():
    for model in KIND_BY_MODEL:
        pre_save.connect(remember_stored_slug, sender=model, dispatch_uid=f"sharing-slug-{model.__name__}")
        post_save.connect(record_rename, sender=model, dispatch_uid=f"sharing-rename-{model.__name__}")
