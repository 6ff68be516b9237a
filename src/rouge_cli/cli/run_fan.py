"""The bodies of `terms`, `cast` and `roster`, free of Typer so the fast path can run them too.

`commands/fan.py` holds their Typer signatures and help; both paths end here with the same
arguments: an episode number as an int, a dataset path or None.
"""

from __future__ import annotations

from rouge_cli.cli.open_view import open_view

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rouge_cli.config.locations import PathLike


def terms(term: str | None, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    view = open_view(data, episode, show_all)
    if term is None:
        if json:
            from rouge_cli.render.as_json import envelope, term_object, write

            write(envelope(view, terms=[term_object(t) for t in view.terms]))
        else:
            from rouge_cli.render.human.fan import print_terms

            print_terms(view, view.terms)
        return
    from rouge_cli.query.fan import find_term

    found = find_term(view, term)
    if json:
        from rouge_cli.render.as_json import envelope, term_object, write

        write(envelope(view, term=term_object(found)))
    else:
        from rouge_cli.render.human.fan import print_term

        print_term(view, found)


def cast(number: int, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    from rouge_cli.query.fan import cast as who_appears

    view = open_view(data, episode, show_all)
    present = who_appears(view, number)
    if json:
        from rouge_cli.render.as_json import cast_document, write

        write(cast_document(view, number, present))
    else:
        from rouge_cli.render.human.fan import print_cast

        print_cast(view, number, present)


def roster(faction: str, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    from rouge_cli.query.fan import roster as members_of

    view = open_view(data, episode, show_all)
    found = members_of(view, faction)
    if json:
        from rouge_cli.render.as_json import roster_document, write

        write(roster_document(view, found))
    else:
        from rouge_cli.render.human.fan import print_roster

        print_roster(view, found)
