"""rouge: a spoiler-safe character guide for the anime *Metallic Rouge*."""

__version__ = "0.1.0"
