"""Numbered citations for one page: every cited fact gets a number that links to the reference list.

An article's sentence is quoted word for word in the reference list. An official page is cited by
name only: our record of it is a summary of the page, not its words, so it is never shown as a quote.
"""


class Citations:
    def __init__(self):
        self._numbers = {}
        self.references = []

    def number_for(self, source, quote=""):
        if not source.is_article:
            quote = ""
        key = (source.pk, quote)
        if key not in self._numbers:
            self.references.append({"number": len(self.references) + 1, "source": source, "quote": quote})
            self._numbers[key] = len(self.references)
        return self._numbers[key]


def citations(request):
    """Context processor: a fresh citation list for each rendered page."""
    return {"citations": Citations()}
