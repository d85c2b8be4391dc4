"""Compliance operations."""

from __future__ import annotations
