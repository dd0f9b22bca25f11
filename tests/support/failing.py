"""An internal error with article text in its locals: what a crash report must never print."""

from __future__ import annotations

SECRET = "ARTICLE-TEXT-IN-A-LOCAL-VARIABLE"


def failing(*args, **kwargs):
    article_text = SECRET * 1000  # what Rich's traceback would have printed, locals and all
    raise RuntimeError(f"an internal error ({len(article_text)} characters at hand)")
