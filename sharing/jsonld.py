"""schema.org structured data (JSON-LD) for pathways, occupations and credentials.

Plain functions returning dicts from objects already loaded for the page: no queries of their own.
`absolute` turns a path into a full URL (request.build_absolute_uri).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sources.meta import plain_text

CONTEXT = "https://schema.org"
# What json_script escapes: nothing in the data can close the <script> element or open a comment.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def plain(markdown_text):
    return plain_text(markdown_text)


def script_tag(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def step_text(step):
    """What a step says, then the current answers a page shows beside it (a fee, a rule, pay), dated."""
    facts = [f"{question}: {answer.text} ({answer.as_of})." for question, answer in step.answers_shown() if answer]
    return " ".join([plain(step.body), *facts])


def months_duration(months):
    return f"P{months.normalize():f}M" if months is not None else None


def pathway_data(pathway, absolute):
    steps = list(pathway.steps.all())
    totals = pathway.totals()
    data = {
        "@context": CONTEXT,
        "@type": "HowTo",
        "name": pathway.title,
        "description": plain(pathway.summary),
        "url": absolute(pathway.get_absolute_url()),
        "image": absolute(reverse("sharing:pathway-preview", args=[pathway.slug])),
        "dateModified": pathway.last_reviewed or pathway.updated_at,
        "step": [
            {
                "@type": "HowToStep",
                "position": step.position,
                "name": step.title,
                "text": step_text(step),
                "url": absolute(reverse("guides:step-detail", args=[pathway.slug, step.key])),
            }
            for step in steps
        ],
    }
    if totals.duration_min is not None and not totals.untimed_steps:
        data["totalTime"] = months_duration(totals.duration_min)
    # Only a total that covers every one-time cost with current figures is given as the pathway's cost.
    if totals.is_complete:
        data["estimatedCost"] = {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "minValue": totals.cost_min,
            "maxValue": totals.cost_max,
        }
    return data


def occupation_data(occupation, absolute):
    data = {
        "@context": CONTEXT,
        "@type": "Occupation",
        "name": occupation.title,
        "description": plain(occupation.summary),
        "url": absolute(occupation.get_absolute_url()),
    }
    if occupation.alias_list:
        data["alternateName"] = occupation.alias_list
    if occupation.soc_code:
        data["occupationalCategory"] = occupation.soc_code
    answers = occupation.answers()
    pay = answers["median_pay"]
    if pay:
        latest = pay.current
        salary = {"@type": "MonetaryAmountDistribution", "currency": "USD", "duration": "P1Y", "median": latest.value}
        for key, value in [
            ("percentile10", latest.pay_p10),
            ("percentile25", latest.pay_p25),
            ("percentile75", latest.pay_p75),
            ("percentile90", latest.pay_p90),
        ]:
            if value is not None:
                salary[key] = value
        salary["name"] = f"Median annual pay, {pay.as_of} ({latest.source.title})"
        data["estimatedSalary"] = salary
    education = answers["entry_education"]
    if education:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": education.current.wording,
        }
    credentials = list(occupation.preferred_credentials.all())
    if credentials:
        data["qualifications"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "name": credential.name,
                "url": absolute(credential.get_absolute_url()),
            }
            for credential in credentials
        ]
    return data


def credential_data(credential, absolute):
    issuer = credential.issuer
    data = {
        "@context": CONTEXT,
        "@type": "EducationalOccupationalCredential",
        "name": credential.name,
        "alternateName": credential.abbreviation,
        "url": absolute(credential.get_absolute_url()),
        "credentialCategory": "certification",
        "educationalLevel": credential.get_level_display(),
        "recognizedBy": {"@type": "Organization", "name": issuer.name, "alternateName": issuer.abbreviation},
        "dateModified": credential.last_reviewed or credential.updated_at,
    }
    if issuer.website:
        data["recognizedBy"]["url"] = issuer.website
    if credential.certifies:
        data["description"] = plain(credential.certifies)
    return data
