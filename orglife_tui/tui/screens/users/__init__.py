"""The accounts of the database and their roles per branch (issue 13 §1)."""
