"""orglife-tui: organizational-life records for a Party branch, in the terminal.

Importing this package pulls in neither Textual nor SQLAlchemy (docs/architecture.md §4).
"""

__version__ = "0.1.0"
