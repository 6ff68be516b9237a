"""The bodies of the companion commands, free of Typer so the fast path can run them too.

`commands/` holds their Typer signatures and help; both paths end here with the same
arguments: an episode number as an int, a format as "table" or "tsv", a dataset path or None.
"""

from __future__ import annotations

from rouge_cli.cli.open_view import open_view

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rouge_cli.config.locations import PathLike


def episodes(episode: str | None, show_all: bool, json: bool, synopsis: bool, data: PathLike | None) -> None:
    view = open_view(data, episode, show_all)
    if json:
        from rouge_cli.render.as_json import episodes_document, write

        write(episodes_document(view))
    else:
        from rouge_cli.render.human.episodes import print_episodes

        print_episodes(view, synopsis)


def episode(number: int, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    from rouge_cli.query.fan import episode_number as reached
    from rouge_cli.query.recap import recap

    view = open_view(data, episode, show_all)
    summary = recap(view, reached(view, number))
    if json:
        from rouge_cli.render.as_json import recap_document, write

        write(recap_document(view, summary))
    else:
        from rouge_cli.render.human.episodes import print_recap

        print_recap(view, summary)


def factions(episode: str | None, show_all: bool, json: bool, output: str, data: PathLike | None) -> None:
    view = open_view(data, episode, show_all)
    if output == "tsv" and not json:
        from rouge_cli.render.as_tsv import factions as write_tsv

        write_tsv(view)
    elif json:
        from rouge_cli.render.as_json import factions_document, write

        write(factions_document(view))
    else:
        from rouge_cli.render.human.factions import print_factions

        print_factions(view)


def search(text: str, episode: str | None, show_all: bool, json: bool, output: str, data: PathLike | None) -> None:
    from rouge_cli.query.find import quoted
    from rouge_cli.query.search import search as run_search

    view = open_view(data, episode, show_all)
    results = run_search(view, text)
    if output == "tsv" and not json:
        from rouge_cli.render.as_tsv import search_results

        search_results(results)
    elif json:
        from rouge_cli.render.as_json import search_document, write

        write(search_document(view, text, results))
    else:
        from rouge_cli.render.human.search import print_results

        print_results(view, quoted(text), results, text)


def sources(key: str | None, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    from rouge_cli.query.sources import find_source

    view = open_view(data, episode, show_all)
    listed = [find_source(view, key)] if key is not None else list(view.sources)
    if json:
        from rouge_cli.render.as_json import envelope, write

        write(envelope(view, sources=[{"key": k, "url": url} for k, url in listed]))
    else:
        from rouge_cli.render.human.sources import print_sources

        print_sources(view, listed)


def timeline(name: str, episode: str | None, show_all: bool, json: bool, data: PathLike | None) -> None:
    from rouge_cli.cli.run import lookup
    from rouge_cli.query.timeline import timeline as build_timeline

    view, character = lookup(data, episode, show_all, name)
    events = build_timeline(character)
    if json:
        from rouge_cli.render.as_json import timeline_document, write

        write(timeline_document(view, character, events))
    else:
        from rouge_cli.render.human.timeline import print_timeline

        print_timeline(view, character, events)
