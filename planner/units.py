"""Times and money in the words a student reads: "2 years 1 month", "160 hours", "$335".

Times are kept in months, as the sources' figures are; hours stay hours unless a source itself converts them.
"""

from sources.formats import months_in_words, span_in_words, usd, whole_months

__all__ = ["hours_in_words", "months_in_words", "span_in_words", "usd", "whole_months", "with_article"]


def with_article(noun):
    """ "a degree", "an associate degree", "an NCRA-accredited program" (an acronym is read letter by letter)."""
    word = noun.split(" ")[0].split("-")[0]
    if word.isupper() and len(word) > 1:
        return f"{'an' if word[0] in 'AEFHILMNORSX' else 'a'} {noun}"
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def hours_in_words(hours, what):
    return f"{hours:,} hours of {what}"
