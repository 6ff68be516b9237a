"""Full-text search over what a view shows: names, aliases, facts and faction names."""

from __future__ import annotations

from rouge_cli.common.errors import UsageError
from rouge_cli.common.position import moment
from rouge_cli.common.text import words
from rouge_cli.view import FactionView, TermView, View

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Literal
    from typing import NamedTuple as Record

    Field = Literal["name", "alias", "spelling", "japanese", "descriptor", "fact", "relation"]
else:
    from rouge_cli.common.records import Record

    Field = str


class Hit(Record):
    episode: int
    field: Field
    text: str
    source: str
    at: int | None = None


class Result(Record):
    kind: Literal["character", "faction", "term"]
    id: str
    name: str
    hits: tuple[Hit, ...]


def _matches(query: tuple[str, ...], text: str) -> bool:
    """Every query word starts some word of `text` (so "nect" finds Nectar)."""
    if text.isascii():  # a word of ASCII text is a run of its lower-cased letters: first a test in C
        lowered = text.lower()
        if not all(q in lowered for q in query):
            return False
    found = words(text)
    return all(any(word.startswith(q) for word in found) for q in query)


def _absent(query: tuple[str, ...], texts: list[str]) -> bool:
    """True when, in ASCII `texts`, some query word is inside none of them: then no text can match."""
    joined = "\n".join(texts)
    if not joined.isascii():
        return False
    lowered = joined.lower()
    return not all(q in lowered for q in query)


def search(view: View, text: str) -> tuple[Result, ...]:
    """Visible characters and factions with a hit, in order of first appearance."""
    query = words(text)
    if not query:
        raise UsageError("the search text is empty")
    results = []
    for c in view.characters:
        facts, relations = c.current_facts, c.current_relations
        texts = [n.text for n in c.names] + [f.text for f in facts] + [r.label for r in relations]
        if _absent(query, [*texts, c.descriptor or ""]):
            continue
        hits = [Hit(n.episode, n.kind, n.text, n.source, n.at) for n in c.names if _matches(query, n.text)]
        if c.descriptor and _matches(query, c.descriptor):
            hits.append(Hit(c.first_seen, "descriptor", c.descriptor, c.source, c.first_at))
        hits += [Hit(f.episode, "fact", f.text, f.source, f.at) for f in facts if _matches(query, f.text)]
        hits += [
            Hit(r.episode, "relation", f"{r.target_name}: {r.label}", r.source, r.at)
            for r in relations
            if _matches(query, r.label)
        ]
        if hits:
            results.append(Result("character", c.id, c.name, _in_order(hits)))
    results += [r for r in (_faction_result(f, query) for f in view.factions) if r is not None]
    results += [r for r in (_term_result(t, query) for t in view.terms) if r is not None]
    return tuple(results)


def _term_result(t: TermView, query: tuple[str, ...]) -> Result | None:
    hits = [Hit(n.episode, n.kind, n.text, n.source, n.at) for n in t.names if _matches(query, n.text)]
    hits += [
        Hit(x.episode, "fact", x.text, x.source, x.at)
        for x in t.facts
        if x.overturned_in is None and _matches(query, x.text)
    ]
    return Result("term", t.id, t.name, _in_order(hits)) if hits else None


def _faction_result(f: FactionView, query: tuple[str, ...]) -> Result | None:
    hits = [Hit(n.episode, n.kind, n.text, n.source, n.at) for n in f.names if _matches(query, n.text)]
    hits += [
        Hit(x.episode, "fact", x.text, x.source, x.at)
        for x in f.facts
        if x.overturned_in is None and _matches(query, x.text)
    ]
    return Result("faction", f.id, f.name, _in_order(hits)) if hits else None


def _in_order(hits: list[Hit]) -> tuple[Hit, ...]:
    return tuple(sorted(hits, key=lambda h: moment(h.episode, h.at)))
