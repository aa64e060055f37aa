"""Numbered citations for one page: every cited fact gets a number that links to the reference list."""


class Citations:
    def __init__(self):
        self._numbers = {}
        self.references = []

    def number_for(self, source, quote=""):
        key = (source.pk, quote)
        if key not in self._numbers:
            self.references.append({"number": len(self.references) + 1, "source": source, "quote": quote})
            self._numbers[key] = len(self.references)
        return self._numbers[key]


def citations(request):
    """Context processor: a fresh citation list for each rendered page."""
    return {"citations": Citations()}
