"""The relation map for graph tools: Graphviz DOT and Mermaid, plain text (never through Rich)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rouge_cli.query.fan import Edge


def _label(edge: Edge) -> str:
    return f"{edge.label} (ep {edge.episode}{', former' if edge.ended else ''})"


def dot(edges: Sequence[Edge]) -> str:
    """`digraph`: an arrow from each character to the one its relation names, labelled."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph rouge {", "  rankdir=LR;"]
    nodes: dict[str, str] = {}
    for e in edges:
        nodes.setdefault(e.source.id, e.source.name)
        nodes.setdefault(e.target_id, e.target_name)
    lines += [f"  {quoted(node)} [label={quoted(name)}];" for node, name in nodes.items()]
    lines += [f"  {quoted(e.source.id)} -> {quoted(e.target_id)} [label={quoted(_label(e))}];" for e in edges]
    return "\n".join([*lines, "}"]) + "\n"


def mermaid(edges: Sequence[Edge]) -> str:
    """`graph LR` for Markdown renderers; ids are made safe, names quoted."""

    def node(key: str) -> str:
        return "n_" + "".join(ch if ch.isalnum() else "_" for ch in key)

    def text(value: str) -> str:
        return value.replace('"', "#quot;")

    lines = ["graph LR"]
    for e in edges:
        lines.append(
            f'  {node(e.source.id)}["{text(e.source.name)}"] -->|"{text(_label(e))}"| '
            f'{node(e.target_id)}["{text(e.target_name)}"]'
        )
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    sys.stdout.write(text)
