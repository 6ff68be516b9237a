"""`rouge timeline NAME`."""

from ..options import DataPath, Episode, Json, ShowAll
from .who import NameArgument


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
    from ..actions import lookup
    from ..timeline import timeline as build_timeline

    view, character = lookup(data, up_to_episode, show_all, name)
    events = build_timeline(character)
    if json:
        from ..render_json import timeline_document, write

        write(timeline_document(view, character, events))
    else:
        from ..human.timeline import print_timeline

        print_timeline(view, character, events)
