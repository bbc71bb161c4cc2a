"""The spaCy pipeline for actors and obligations in running text (blank zh, character tokens)."""
