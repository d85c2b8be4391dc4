"""The yearly jobs: exports, the integrity check, the year-end report and the branches."""
