"""The scoring scheme and the points / grade rules: pure functions over plain values.

Filled in by the points issue; it must import neither data/ nor Textual nor SQLAlchemy.
"""
