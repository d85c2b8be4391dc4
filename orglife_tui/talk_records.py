"""Talk records from typed fields."""

from __future__ import annotations
