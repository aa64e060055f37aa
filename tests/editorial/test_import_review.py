"""Import is a reviewed change: a preview first, then one short transaction, every change in history."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import content_io
from guides.models import Pathway, Step
from tests import factories

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def edit(obj, user, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()


def test_reimporting_an_older_export_shows_the_undone_edit_and_the_deleted_step_before_changing_anything(
    full_pathway, advisor
):
    old_export = content_io.export_objects([full_pathway])
    step = full_pathway.steps.get(position=2)
    edit(step, advisor, title="Pass the RHIT exam (new format)")
    added = factories.StepFactory(pathway=full_pathway, position=4, title="Added since the export")

    with CaptureQueriesContext(connection) as queries:
        plan = content_io.plan_import(old_export, file_name="backup-may.json")

    assert writes(queries) == []
    by_object = {(change.action, change.obj.pk): change for change in plan.changes}
    changed = by_object[("change", step.pk)]
    assert ("title", "Pass the RHIT exam (new format)", "Pass the RHIT exam") in changed.fields
    assert "last edited here by alex" in changed.note
    assert ("delete", added.pk) in by_object
    assert Step.objects.get(pk=step.pk).title == "Pass the RHIT exam (new format)"
    assert Step.objects.filter(pk=added.pk).exists()


def test_every_object_an_import_changes_gets_a_history_entry_naming_the_file(full_pathway, advisor):
    old_export = content_io.export_objects([full_pathway])
    step = full_pathway.steps.get(position=2)
    edit(step, advisor, title="Edited")
    added = factories.StepFactory(pathway=full_pathway, position=4)

    content_io.apply_import(content_io.plan_import(old_export, file_name="backup-may.json"), user=advisor)

    assert step.history.first().history_change_reason == "Imported from backup-may.json"
    assert step.history.first().history_user == advisor
    assert Step.history.filter(id=added.pk, history_type="-").get().history_change_reason == (
        "Imported from backup-may.json"
    )


def test_a_pathway_from_another_database_never_overwrites_another_pathways_step(full_pathway):
    other = factories.PathwayFactory(slug="another-pathway")
    theirs = factories.StepFactory(pathway=other, position=1, title="Their step 1")
    exported = json.loads(content_io.export_objects([full_pathway]))
    for item in exported:
        if item["model"] == "guides.step" and item["fields"]["position"] == 1:
            item["pk"] = theirs.pk  # the same number means another step in another database

    content_io.import_content(json.dumps(exported), file_name="from-staging.json")

    theirs.refresh_from_db()
    assert (theirs.pathway_id, theirs.title) == (other.pk, "Their step 1")
    assert full_pathway.steps.get(position=1).title == "Earn an associate degree"


def test_import_errors_name_the_object_and_the_field_in_plain_words(full_pathway):
    exported = json.loads(content_io.export_objects([full_pathway]))
    for item in exported:
        if item["model"] == "guides.pathway":
            del item["fields"]["updated_at"]  # filled in, not "NOT NULL constraint failed"
        if item["model"] == "guides.step" and item["fields"]["position"] == 2:
            item["fields"]["cost_min"] = "-5"
            item["fields"]["title"] = ""

    with pytest.raises(content_io.ContentImportError) as caught:
        content_io.plan_import(json.dumps(exported))

    problems = caught.value.problems
    assert any(p.startswith("Step “2. ”:") and "can't be negative" in p for p in problems), problems
    assert any(p.startswith("Step “2. ”:") and "title: This field cannot be blank." in p for p in problems), problems
    assert not any("NOT NULL" in p or "updated" in p for p in problems)


def test_a_file_over_the_size_limit_is_refused_before_touching_the_database(full_pathway):
    huge = content_io.export_objects([full_pathway])[:-2] + " " * (content_io.MAX_IMPORT_BYTES + 1) + "]\n"

    with CaptureQueriesContext(connection) as queries, pytest.raises(content_io.ContentImportError) as caught:
        content_io.plan_import(huge)

    assert "files above 2 MB are refused" in str(caught.value)
    assert queries.captured_queries == []


def test_reimporting_unchanged_content_writes_nothing(content):
    exported = content_io.export_content()

    plan = content_io.plan_import(exported)
    with CaptureQueriesContext(connection) as queries:
        content_io.apply_import(plan)

    assert plan.changes == []
    assert [sql for sql in writes(queries) if "position" not in sql] == []


def test_the_import_command_shows_the_changes_and_asks_first(full_pathway, tmp_path, monkeypatch, capsys):
    path = tmp_path / "old.json"
    path.write_text(content_io.export_objects([full_pathway]))
    Pathway.objects.filter(pk=full_pathway.pk).update(summary="Edited since")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")

    call_command("import_content", str(path))

    out = capsys.readouterr().out
    assert "change  pathway “Become an RHIT”" in out and "Edited since → " in out
    assert "Nothing was changed." in out
    assert Pathway.objects.get(pk=full_pathway.pk).summary == "Edited since"
