from crispy_forms.helper import FormHelper
from django import forms

MIN_COMPARE = 2
MAX_COMPARE = 6
MAX_SLUG_LENGTH = 60


def parse_selection(raw_values, known_slugs):
    """Normalise compare picks from a query string.

    Returns (slugs, notices): known slugs in canonical (sorted) order without duplicates, at most
    MAX_COMPARE of them, and plain-language notices for everything that was dropped.
    """
    notices = []
    seen, unknown, repeated = [], [], []
    for value in raw_values:
        slug = value.strip().lower()[:MAX_SLUG_LENGTH]
        if not slug:
            continue
        if slug not in known_slugs:
            if slug not in unknown:
                unknown.append(slug)
        elif slug in seen:
            if slug not in repeated:
                repeated.append(slug)
        else:
            seen.append(slug)
    if unknown:
        notices.append("Not found, so left out: " + ", ".join(f"“{slug}”" for slug in unknown) + ".")
    if repeated:
        notices.append("Picked more than once, shown once: " + ", ".join(repeated) + ".")
    slugs = sorted(seen)
    if len(slugs) > MAX_COMPARE:
        notices.append(
            f"You can compare up to {MAX_COMPARE} at a time. Showing the first {MAX_COMPARE}: "
            + ", ".join(slugs[:MAX_COMPARE])
            + "."
        )
        slugs = slugs[:MAX_COMPARE]
    if len(slugs) == 1:
        notices.append(f"Pick at least {MIN_COMPARE} to compare them side by side.")
    return slugs, notices


class CompareForm(forms.Form):
    """A picker of items to compare, submitted with GET so the result has a shareable address."""

    def __init__(self, *args, field_name, label, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[field_name] = forms.MultipleChoiceField(
            label=label,
            choices=choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=f"Pick {MIN_COMPARE} to {MAX_COMPARE}.",
        )
        self.helper = FormHelper()
        # The template writes the <form method="get"> and its button: no CSRF token in a shareable URL.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
