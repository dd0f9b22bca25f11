"""What must never reach a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (but tab and newline) and the bidirectional overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
