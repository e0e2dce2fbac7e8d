"""Docs stay true: the README's test command is what CI runs, and every lexicon file is documented."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", text)


def test_docs_readme_has_two_setup_commands():
    cmds = readme_commands()
    assert len(cmds) >= 2
    assert "rasd code examples/" in cmds[0]
    script = (REPO / cmds[1].split()[-1]).read_text(encoding="utf-8")
    assert "pytest" in script
    assert "ruff check" in script and "mypy src" in script


def test_docs_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci


def test_docs_every_lexicon_file_is_documented():
    readme = (REPO / "src" / "rasd" / "lexicons" / "README.md").read_text(encoding="utf-8")
    for f in (REPO / "src" / "rasd" / "lexicons").glob("*.tsv"):
        name = f.name.replace(".generated", "")
        assert name in readme, f"{f.name} is not described in lexicons/README.md"


def test_docs_every_record_field_is_in_the_record_format_section():
    from rasd.records import CodedDocument, Event, Partnership, Person

    readme = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    for cls in (CodedDocument, Event, Partnership, Person):
        for name in cls.__dataclass_fields__:
            assert f"`{name}`" in readme, f"{cls.__name__}.{name} is not documented in docs/records.md"
