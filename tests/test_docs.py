"""Documentation keeps up with the code: every command is in the README with an example."""

from __future__ import annotations

import re

import click
import pytest

from kzmig_kg.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    assert re.search(rf"^#+ .*`kzmig-kg {name}", README, re.M), f"README lacks a section for {name}"
    assert re.search(rf"^\s*kzmig-kg {name}\b", README, re.M), f"README lacks an example of {name}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_has_an_example(name: str) -> None:
    command = main.commands[name]
    with click.Context(command, info_name=name) as ctx:
        assert "Example" in command.get_help(ctx)


def test_readme_opens_with_the_two_setup_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    first, second = blocks[0].strip(), blocks[1].strip()
    assert "kzmig-kg build" in first
    assert "pytest" in second
    assert second.splitlines()[-1].strip() in ci, ".ci/run must run the README's test command"
