"""Screens of the organizational life meeting (组织生活会) and the people in it: the
participants' records of one life meeting, and the year's posts and commitments."""
