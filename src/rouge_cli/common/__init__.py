"""Foundations every layer may use: positions, errors, text, escaping, safe file reads."""
