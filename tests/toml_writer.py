"""Write a model `Dataset` back out as a TOML document (for tests that drive the real CLI)."""

from __future__ import annotations

import json

from rouge_cli.common.position import format_time
from rouge_cli.dataset.model import Dataset, Fact, Name


def _s(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _optional(key: str, value: int | None) -> str:
    return f", {key} = {value}" if value is not None else ""


def _time(key: str, value: int | None) -> str:
    return f', {key} = "{format_time(value)}"' if value is not None else ""


def _name(n: Name) -> str:
    return (
        f"{{ text = {_s(n.text)}, kind = {_s(n.kind)}, revealed_in = {n.revealed_in}{_time('at', n.at)}, "
        f"source = {_s(n.source)} }}"
    )


def _fact(f: Fact) -> str:
    tail = _optional("superseded_in", f.superseded_in) + _time("superseded_at", f.superseded_at)
    return f"{{ text = {_s(f.text)}, revealed_in = {f.revealed_in}{_time('at', f.at)}, source = {_s(f.source)}{tail} }}"


def _array(key: str, items: list[str]) -> str:
    return f"{key} = [\n" + "".join(f"  {item},\n" for item in items) + "]\n"


def to_toml(data: Dataset) -> str:
    out = [f"[series]\ntitle = {_s(data.series.title)}\nstudio = {_s(data.series.studio)}\nyear = {data.series.year}\n"]
    out.append(
        "[sources]\n"
        + "".join(
            f"{_s(s.key)} = {_s(s.url)}\n"
            if s.covers is None
            else f"{_s(s.key)} = {{ url = {_s(s.url)}, covers = {s.covers} }}\n"
            for s in data.sources
        )
    )
    for e in data.episodes:
        out.append(
            f"[[episodes]]\nnumber = {e.number}\ntitle = {_s(e.title)}\nair_date = {e.air_date.isoformat()}\n"
            f"air_date_inferred = {str(e.air_date_inferred).lower()}\nsource = {_s(e.source)}\n"
            + (f'runtime = "{format_time(e.runtime)}"\n' if e.runtime is not None else "")
            + (f"synopsis = {_s(e.synopsis)}\n" if e.synopsis is not None else "")
        )
    for f in data.factions:
        out.append(
            f"[[factions]]\nid = {_s(f.id)}\nrevealed_in = {f.revealed_in}\nsource = {_s(f.source)}\n"
            + (f'at = "{format_time(f.at)}"\n' if f.at is not None else "")
        )
        out.append(_array("names", [_name(n) for n in f.names]) + _array("facts", [_fact(x) for x in f.facts]))
    for c in data.characters:
        out.append(
            f"[[characters]]\nid = {_s(c.id)}\nrevealed_in = {c.revealed_in}\nsource = {_s(c.source)}\n"
            + (f'at = "{format_time(c.at)}"\n' if c.at is not None else "")
        )
        if c.descriptor is not None:
            out.append(f"descriptor = {_s(c.descriptor)}\n")
        if c.same_as is not None:
            s = c.same_as
            out.append(
                f"same_as = {{ id = {_s(s.target_id)}, revealed_in = {s.revealed_in}{_time('at', s.at)}, "
                f"source = {_s(s.source)} }}\n"
            )
        out.append(_array("names", [_name(n) for n in c.names]))
        for key, values in (("species", c.species), ("status", c.status)):
            out.append(
                _array(
                    key,
                    [
                        f"{{ value = {_s(v.value)}, revealed_in = {v.revealed_in}{_time('at', v.at)}, "
                        f"source = {_s(v.source)} }}"
                        for v in values
                    ],
                )
            )
        out.append(
            _array(
                "factions",
                [
                    f"{{ id = {_s(m.faction_id)}, revealed_in = {m.revealed_in}{_time('at', m.at)}, "
                    f"source = {_s(m.source)}{_optional('ended_in', m.ended_in)}{_time('ended_at', m.ended_at)}"
                    f"{_optional('superseded_in', m.superseded_in)}{_time('superseded_at', m.superseded_at)} }}"
                    for m in c.factions
                ],
            )
        )
        out.append(
            _array(
                "relations",
                [
                    f"{{ to = {_s(r.to)}, label = {_s(r.label)}, revealed_in = {r.revealed_in}{_time('at', r.at)}, "
                    f"source = {_s(r.source)}{_optional('superseded_in', r.superseded_in)}"
                    f"{_time('superseded_at', r.superseded_at)}{_optional('ended_in', r.ended_in)}"
                    f"{_time('ended_at', r.ended_at)} }}"
                    for r in c.relations
                ],
            )
        )
        out.append(_array("facts", [_fact(f) for f in c.facts]))
        out.append(
            _array(
                "appears_in",
                [f"{{ episode = {a.episode}{_time('at', a.at)}, source = {_s(a.source)} }}" for a in c.appears_in],
            )
        )
    for t in data.terms:
        out.append(
            f"[[terms]]\nid = {_s(t.id)}\nrevealed_in = {t.revealed_in}\nsource = {_s(t.source)}\n"
            + (f'at = "{format_time(t.at)}"\n' if t.at is not None else "")
        )
        out.append(_array("names", [_name(n) for n in t.names]) + _array("facts", [_fact(x) for x in t.facts]))
    return "\n".join(out)
