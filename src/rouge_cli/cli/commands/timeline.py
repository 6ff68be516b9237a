"""`rouge timeline NAME`."""

from rouge_cli.cli.commands.who import NameArgument
from rouge_cli.cli.options import DataPath, Episode, Json, ShowAll


def timeline(
    name: NameArgument,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Show how what you know of a character grew, episode by episode.

    \b
    Examples:
      rouge timeline giallon -e 13
      rouge timeline rouge -e 8 --json | jq '.events[] | select(.kind == "fact") | .text'
    """
    from rouge_cli.cli.run import lookup
    from rouge_cli.query.timeline import timeline as build_timeline

    view, character = lookup(data, up_to_episode, show_all, name)
    events = build_timeline(character)
    if json:
        from rouge_cli.render.as_json import timeline_document, write

        write(timeline_document(view, character, events))
    else:
        from rouge_cli.render.human.timeline import print_timeline

        print_timeline(view, character, events)
