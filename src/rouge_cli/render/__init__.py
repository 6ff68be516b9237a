"""Layer 4, output: JSON, TSV and graphs here; `human/` is the only place that imports Rich."""
