"""Storage: the only package that speaks SQL. No Textual here (docs/architecture.md §4)."""
