"""The Textual user interface: a thin layer over the pure core in ``reader``."""
