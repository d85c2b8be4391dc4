"""Members' orders for the branch (点单/接单): the branch's list and its forms."""
