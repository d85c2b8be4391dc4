"""A member's own records (self-service): the one screen a member login sees."""
