"""Layer 1, the dataset: model, schema, checks, spoiler lint, loading and the per-record cache."""
