"""Storage: the only package that speaks SQL. No Textual here (DESIGN.md §4)."""
