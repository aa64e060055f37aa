"""Admin for versioned facts: which value pages show as the current answer, and why the others are not."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from editorial.admin import HistoryAdmin

from .answers import current_answer, shown_as

STANDING_FIELDS = ("year", "standing", "standing_note")


class StandingAdmin(HistoryAdmin):
    """Versioned facts: the list shows which value pages use as the current answer, and why the others are not.

    Subclasses say which rows answer the same question as a row (`answer_groups`); the “Shown as” column
    runs the same rule as the pages (sources.answers), for the rows on the page in one extra query.
    """

    list_filter = ["standing"]
    standing_fieldset = (
        "Which value is current",
        {
            "fields": [STANDING_FIELDS],
            "description": "Pages show one current value per question: by default the newest dated value from "
            "an official source (the issuer or BLS). Mark a value current to override that, superseded when a "
            "newer rule replaced it, or disputed when an official source says otherwise, and give the reason: "
            "students see it.",
        },
    )

    def answer_groups(self, rows):
        """{question key: [rows answering it]} for `rows`, with their siblings. Subclasses implement it."""
        raise NotImplementedError

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.result_list = list(changelist.result_list)
        labels = {}
        for group in self.answer_groups(changelist.result_list).values():
            labels.update(shown_as(current_answer(group)))
        for row in changelist.result_list:
            row.shown_as_label = labels.get(row.pk, "")
        return changelist

    @admin.display(description="Shown as")
    def shown_as(self, obj):
        label = getattr(obj, "shown_as_label", "")
        if label.startswith("current"):
            return format_html("<strong>{}</strong>", label)
        return label or "—"


def answer_rows(answers):
    """(question, value shown, its date, why) for the read-only summary on a credential or occupation form."""
    rows = []
    for question, answer, describe in answers:
        if answer.current is None:
            rows.append((question, "No current value: pages say our sources have none", "", ""))
        else:
            rows.append((question, describe(answer.current), answer.as_of, answer.reason or "newest official value"))
    return rows


def answers_table(rows):
    return format_html(
        '<table class="current-answers"><thead><tr><th>Question</th><th>Pages show</th><th>As of</th>'
        "<th>Why</th></tr></thead><tbody>{}</tbody></table>",
        format_html_join("", "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
    )
