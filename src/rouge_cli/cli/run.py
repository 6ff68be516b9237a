"""The bodies of `rouge who` and `rouge list`, free of Typer so the fast path can run them too."""

from __future__ import annotations

from rouge_cli.cli.open_view import open_view
from rouge_cli.common.collector import PausedCollector
from rouge_cli.config.locations import PathLike
from rouge_cli.query.find import filter_characters, find_character, find_faction, from_description, match, quoted
from rouge_cli.view import CharacterView, View


def lookup(data: PathLike | None, episode: str | None, show_all: bool, name: str) -> tuple[View, CharacterView]:
    """The view and the one character `name` designates (NotFoundError otherwise).

    Reads only the records the name can match; when that does not give exactly one match,
    the whole dataset is gated so "did you mean" and ambiguity messages are the full ones.
    """
    view = open_view(data, episode, show_all, query=name)
    found = match(view.characters, name)
    if len(found) != 1:
        view = open_view(data, episode, show_all, quiet=True)
        found = [find_character(view, name)]
    character = found[0]
    if character.named and from_description(character, name):
        from rouge_cli.cli.open_view import note

        note(f"note: {quoted(name)} matched how {character.name} was first described ({character.descriptor}).")
    return view, character


def who(
    name: str,
    episode: str | None,
    show_all: bool,
    json: bool,
    sources: bool,
    data: PathLike | None,
    all_names: bool = False,
) -> None:
    view, character = lookup(data, episode, show_all, name)
    if json:
        from rouge_cli.render.as_json import character_object, envelope, sources_object, write

        extra = {"sources": sources_object(view, [f.source for f in character.current_facts])} if sources else {}
        write(envelope(view, character=character_object(character), **extra))
    else:
        from rouge_cli.render.human.profile import print_profile

        print_profile(view, character, sources, all_names)


def list_characters(
    faction: str | None,
    species: str | None,
    status: str | None,
    episode: str | None,
    show_all: bool,
    json: bool,
    data: PathLike | None,
    output: str = "table",
) -> None:
    view = open_view(data, episode, show_all)
    group = find_faction(view, faction) if faction is not None else None
    characters = filter_characters(view, group, species, status)
    if output == "tsv" and not json:
        from rouge_cli.render import as_tsv as render_tsv

        render_tsv.characters(characters)
    elif json:
        from rouge_cli.render.as_json import characters_document, write

        write(characters_document(view, characters))
    else:
        from rouge_cli.render.human.profile import print_character_table

        caption = f"{group.name} members known" if group else "characters known"
        print_character_table(view, characters, caption)


def since(first: int, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    """Catch up on episodes `first`..the one in force; reads only what the catch-up reports."""
    from rouge_cli.dataset.reach import for_since
    from rouge_cli.query.fan import catch_up

    with PausedCollector():  # a catch-up on many episodes is a large view, and a large document
        view = open_view(data, episode, show_all, load=lambda store, at: for_since(store, first, at))
        summary = catch_up(view, first)
        if json:
            from rouge_cli.render.as_json import catch_up_document, write

            write(catch_up_document(view, summary))
        else:
            from rouge_cli.render.human.catch_up import print_catch_up

            print_catch_up(view, summary)


def relations(
    name: str | None, episode: str | None, show_all: bool, json: bool, output: str, data: PathLike | None
) -> None:
    """The relation map (`output`: tree, dot or mermaid); reads only who holds or is named in a relation.

    When `name` does not give exactly one match there, the whole dataset is gated so the
    "did you mean" and ambiguity messages are the full ones.
    """
    from rouge_cli.dataset.reach import for_relations
    from rouge_cli.query.fan import relation_edges

    with PausedCollector():
        view = open_view(data, episode, show_all, load=lambda store, at: for_relations(store, name, at))
        if name is not None and len(match(view.characters, name)) != 1:
            view = open_view(data, episode, show_all, quiet=True)
        edges = relation_edges(view, name)
        if json:
            from rouge_cli.render.as_json import relations_document, write

            write(relations_document(view, edges))
        elif output == "tree":
            from rouge_cli.render.human.fan import print_relations

            print_relations(view, edges)
        else:
            from rouge_cli.render.as_graph import dot, mermaid
            from rouge_cli.render.as_graph import write as write_text

            write_text(dot(edges) if output == "dot" else mermaid(edges))
