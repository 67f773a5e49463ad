"""The API stage: the store as JSON over HTTP (`app.create_app`), and the CLI verbs that read it.

Nothing here imports FastAPI at import time: `veille query` and `veille export` work without
the `serve` extra.
"""
