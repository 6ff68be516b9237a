"""Layer 3, questions asked of a gated view: find, search, timeline, recaps, fan views, sources."""
