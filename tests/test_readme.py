"""The README is for users: the two commands, every CLI command, no build history, a readable length."""
from __future__ import annotations

import re

from cmo_helpers.cli import main as cli
from cmo_helpers.core.paths import CHECKOUT

README = (CHECKOUT / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first():
    two = README.index("## Two commands")
    assert README.index("make report", two) < README.index("make test", two) < README.index("\n## ", two + 1)


def test_every_command_is_in_the_reference_table():
    commands = cli.parser()._subparsers._group_actions[0].choices
    listed = set(re.findall(r"^\| `([a-z]+)", README, flags=re.M))
    assert set(commands) <= listed


def test_no_issue_numbers_and_no_build_log_in_user_docs():
    for doc in (README, (CHECKOUT / "params" / "README.md").read_text(encoding="utf-8")):
        assert not re.search(r"\bissues? ?#?\d", doc, flags=re.I)
    assert 200 <= README.count("\n") <= 250
