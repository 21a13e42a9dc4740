"""Extraction: raw text in, draft candidate claims out, for a person to curate. It never judges."""
