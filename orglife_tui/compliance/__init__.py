"""The compliance watch's rules: pure functions over facts gathered from the records."""
