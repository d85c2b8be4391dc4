"""What the commands share (cli/commands/common.py): a group of options declared once, and
the one way a typed date or enum value is refused."""

from datetime import date
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from orglife_tui.cli.commands.common import date_option, enum_option, option_group
from orglife_tui.domain import MeetingType
from orglife_tui.locale import set_language


def _app() -> typer.Typer:
    app = typer.Typer()
    fields = option_group(
        "fields",
        {
            "title": Annotated[str | None, typer.Option("--title", help="The title.")],
            "place": Annotated[str | None, typer.Option("--place", help="The place.")],
        },
    )

    @app.command("add")
    @fields
    def add(
        number: Annotated[str, typer.Argument()],
        fields: dict[str, str | None],
        note: Annotated[str | None, typer.Option("--note")] = None,
    ) -> None:
        typer.echo(f"{number} {sorted(fields.items())} {note}")

    @app.command("edit")
    @fields
    def edit(fields: dict[str, str | None]) -> None:
        typer.echo(repr(fields))

    return app


def test_a_group_of_options_stands_where_its_parameter_stands():
    result = CliRunner().invoke(_app(), ["add", "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("--title") < text.index("--place") < text.index("--note")


def test_a_command_gets_the_group_as_one_mapping_the_options_not_given_as_none():
    result = CliRunner().invoke(_app(), ["add", "007", "--place", "room 2", "--note", "n"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "007 [('place', 'room 2'), ('title', None)] n"
    result = CliRunner().invoke(_app(), ["edit", "--title", "T"])
    assert result.output.strip() == "{'title': 'T', 'place': None}"


def test_a_group_needs_its_parameter():
    with pytest.raises(TypeError):
        option_group("fields", {"title": str})(lambda number: None)


def test_a_bad_date_is_a_usage_error_naming_the_option_when_given(capsys):
    set_language("en")
    assert date_option("2026-3-8") == date(2026, 3, 8)
    with pytest.raises(typer.Exit) as exc:
        date_option("2026-02-30", "--on")
    assert exc.value.exit_code == 2
    err = capsys.readouterr().err
    assert "--on: " in err and "2026-02-30" in err
    with pytest.raises(typer.Exit):
        date_option("soon")
    assert "--" not in capsys.readouterr().err  # no option named


def test_an_unknown_enum_value_is_refused_with_the_accepted_ones(capsys):
    set_language("en")
    assert enum_option(MeetingType, "党课", "plan.cli.bad_type") is MeetingType.party_lecture
    with pytest.raises(typer.Exit) as exc:
        enum_option(MeetingType, "picnic", "plan.cli.bad_type")
    assert exc.value.exit_code == 2
    err = capsys.readouterr().err
    assert "picnic" in err and "party_lecture" in err
