"""The party committee's screens: the overview of every branch and one branch read-only."""
