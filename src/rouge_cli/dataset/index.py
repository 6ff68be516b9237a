"""The cache's indexes, built from the characters on the first run after a data change (see `store`).

`ids.B` maps a character id to (position, offset, length, persona target, moment merged,
personas, CRC-32 of its record); `words.B` maps each word of a name or description, and its
stem, to the (id, moment it shows) of those holding it; `order` lists every record's place.
B is the bucket (`store.bucket_of`) of the id or word.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from rouge_cli.common.position import moment
from rouge_cli.common.text import stem, words
from rouge_cli.dataset.codec import Row
from rouge_cli.dataset.model import Character

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any


def pieces_of(
    characters: Sequence[Character],
    buckets: int,
    offsets: Sequence[tuple[int, int, int]] = (),
    name_words: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, Any]:
    """The `ids.B`, `words.B` and `order` pieces (and those of `reach`) for `characters`, in dataset order.

    `offsets` gives each record's place in the records file (none when the cache is not written);
    `name_words` the words of names already cut (text -> words).
    """
    known = name_words or {}
    gathered: dict[str, list[str]] = {}
    for c in characters:
        if c.same_as is not None:
            gathered.setdefault(c.same_as.target_id, []).append(c.id)
    personas = {target: tuple(ids) for target, ids in gathered.items()}
    ids: list[dict[str, Row]] = [{} for _ in range(buckets)]
    holders: dict[str, list[tuple[str, int]]] = {}  # word -> (id, moment it shows), in dataset order
    stems: dict[str, str] = {}  # lookups intersect stems: a stem stands for its words
    order = []
    for position, c in enumerate(characters):
        offset, length, crc = offsets[position] if offsets else (0, 0, 0)
        character_id, same = c.id, c.same_as
        target, merged_in = (None, 0) if same is None else (same.target_id, moment(same.revealed_in, same.at))
        row = (position, offset, length, target, merged_in, personas.get(character_id, ()), crc)
        ids[zlib.crc32(character_id.encode("utf-8", "surrogateescape")) % buckets][character_id] = row
        order.append((character_id, offset, length, crc))
        names = c.names
        if len(names) == 1 and not c.descriptor:  # the usual case: one label, its words all show with it
            entry = (character_id, moment(names[0].revealed_in, names[0].at))
            for word in known.get(names[0].text) or words(names[0].text):
                stemmed = stems.get(word) or stems.setdefault(word, stem(word))
                found = holders.get(word)
                if found is None:
                    holders[word] = [entry]
                elif found[-1] is not entry:
                    found.append(entry)
                if stemmed != word:
                    found = holders.get(stemmed)
                    if found is None:
                        holders[stemmed] = [entry]
                    elif found[-1] is not entry:
                        found.append(entry)
            continue
        labels = [(n.text, moment(n.revealed_in, n.at)) for n in names]
        if c.descriptor:
            labels.append((c.descriptor, moment(c.revealed_in, c.at)))
        shown: dict[str, int] = {}  # each word of a label, with the moment it first becomes visible
        for label, when in labels:
            for word in words(label):
                stemmed = stems.get(word) or stems.setdefault(word, stem(word))
                for key in (word, stemmed):
                    if shown.get(key, when) >= when:
                        shown[key] = when
        for key, when in shown.items():
            found = holders.get(key)
            if found is None:
                holders[key] = [(character_id, when)]
            else:
                found.append((character_id, when))
    pieces: dict[str, Any] = {f"ids.{b}": ids[b] for b in range(buckets)}
    by_bucket: list[dict[str, tuple[tuple[str, int], ...]]] = [{} for _ in range(buckets)]
    for key, found in holders.items():
        by_bucket[zlib.crc32(key.encode("utf-8", "surrogateescape")) % buckets][key] = tuple(found)  # store.bucket_of
    pieces.update({f"words.{b}": by_bucket[b] for b in range(buckets)})
    pieces["order"] = order
    from rouge_cli.dataset.reach import index_pieces

    pieces.update(index_pieces(characters, buckets))
    return pieces
