"""Importing a file from the TUI: the kind, the file, a preview, the import (issue 12 §1)."""
