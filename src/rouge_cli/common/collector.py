"""Pausing Python's cycle collector while many small objects without cycles are made."""

import gc


class PausedCollector:
    """`with PausedCollector():` the cycle collector rests, and is restored after.

    A dataset, a view or a document is many small objects and no reference cycles: the
    collector would only scan them again and again while they are made and read. With
    `settle`, what exists on the way out joins the oldest generation (`gc.freeze` then
    `gc.unfreeze`), as if it had been there all along: still collectable, but not scanned
    again by the young collections that follow. A plain class: no `contextlib` import.
    """

    def __init__(self, settle: bool = False) -> None:
        self.settle = settle
        self.collecting = False

    def __enter__(self) -> None:
        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.settle:
            gc.freeze()
            gc.unfreeze()
        if self.collecting:
            gc.enable()
