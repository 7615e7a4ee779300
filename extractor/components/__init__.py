"""spaCy components (one factory each). Importing this package registers every factory."""
from __future__ import annotations

from . import attach, dates, facts, money, offices, parties, people, percent  # noqa: F401
