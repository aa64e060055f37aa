"""A verdict in words: one sentence naming the rule, with its source and date, and what the issuer recommends."""

from dataclasses import dataclass, field

from .eligibility import CHECK, MET, Verdict

HEADLINES = {
    Verdict.HELD: "You already hold it",
    Verdict.ELIGIBLE: "Eligible now",
    Verdict.CHECK: "Check",
    Verdict.NOT_YET: "Not yet",
    Verdict.NOT_STATED: "Not stated",
}
# The verdicts at a glance, in the order a student acts on them (summary).
AT_A_GLANCE = [
    (Verdict.ELIGIBLE, "Eligible now"),
    (Verdict.CHECK, "Check first"),
    (Verdict.NOT_YET, "Not yet"),
    (Verdict.HELD, "You already hold"),
    (Verdict.NOT_STATED, "Not in our sources"),
]
ADVICE_STATUS = {MET: "you told us you have this", CHECK: "you may have this: check how your work counts"}


def lower_first(text):
    """ "High school diploma" → "high school diploma"; "RHIA …" and "CAHIIM …" keep their capitals."""
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text


def source_label(source):
    """Who says it and where: "AHIMA: CCS certification overview", or "career article “…”"."""
    if not source.publisher:
        return f"career article “{source.title}”"
    title = source.title.removeprefix(f"{source.publisher}: ")
    return f"{source.publisher}: {title}"


def source_date(source):
    """The date a source states for itself, without the notes in brackets ("undated [post-2020 …]" → "undated")."""
    return str(source.year) if source.year else source.as_of.split(" [")[0] or "undated"


def _joined(texts):
    texts = list(texts)
    return texts[0] if len(texts) == 1 else "; ".join(texts[:-1]) + "; and " + texts[-1]


@dataclass(frozen=True)
class Advice:
    issuer: str
    options: list  # (detail, what we know of it)
    summary: str
    source: object
    date: str


@dataclass(frozen=True)
class Explanation:
    verdict: str
    headline: str
    sentence: str = ""  # without its citation, which follows in brackets
    source: object = None
    date: str = ""
    items: list = field(default_factory=list)  # (detail, note) still missing or to check
    note: str = ""
    advice: Advice | None = None

    @property
    def source_label(self):
        return source_label(self.source) if self.source else ""

    @property
    def key(self):
        """Everything the verdict says, as a string: the rendered verdict is kept under it (planner/verdict.html)."""
        advice = self.advice and (
            self.advice.issuer,
            tuple(self.advice.options),
            self.advice.summary,
            self.advice.source.pk,
            self.advice.date,
        )
        source = self.source.pk if self.source else None
        said = (self.verdict, self.headline, self.sentence, source, self.date, tuple(self.items), self.note)
        return repr((*said, advice))


def summary(assessments):
    """[(label, [credential, ...]), ...]: the credentials under each verdict, for the answer at the top of the page."""
    return [
        (label, [assessment.credential for assessment in assessments if assessment.verdict == verdict])
        for verdict, label in AT_A_GLANCE
        if any(assessment.verdict == verdict for assessment in assessments)
    ]


def explain(assessment):
    credential, result = assessment.credential, assessment.route
    verdict = assessment.verdict
    headline = HEADLINES[verdict]
    if verdict == Verdict.HELD:
        return Explanation(verdict, f"You already hold {credential.abbreviation}")
    if result is None:
        return Explanation(verdict, headline, f"eligibility for {credential.abbreviation} is not in our sources")
    route = result.route
    details = [lower_first(check.requirement.detail) for check in result.checks]
    if verdict == Verdict.ELIGIBLE:
        sentence = f"through “{route.name}”, which asks for: {_joined(details)}"
    elif verdict == Verdict.CHECK:
        sentence = f"{_joined(assessment.questions)}; “{route.name}” asks for: {_joined(details)}"
    else:
        needed = [lower_first(check.requirement.detail) for check in result.unmet]
        sentence = f"the closest route, “{route.name}”, still needs: {_joined(needed)}"
    items = [
        (check.requirement.detail, check.note or (f"Check {check.question}." if check.question else ""))
        for check in result.unmet
    ]
    return Explanation(
        verdict,
        headline,
        sentence,
        source=route.source,
        date=source_date(route.source),
        items=items if verdict == Verdict.NOT_YET else [],
        # The route's own caveat, for a route the student meets; the issuer's advice replaces a note that lists it.
        note=route.note if verdict == Verdict.ELIGIBLE and not assessment.advice else "",
        advice=_advice(assessment),
    )


def _advice(assessment):
    if not assessment.advice:
        return None
    issuer = assessment.credential.issuer.abbreviation
    options = [(item.recommendation.detail, ADVICE_STATUS.get(item.status, "")) for item in assessment.advice]
    if assessment.advice_met:
        summary = "From your answers, you already have one of them."
    else:
        summary = "From your answers, you have none of the ones we can check yet."
    source = assessment.advice[0].recommendation.source
    return Advice(issuer, options, summary, source, source_date(source))
