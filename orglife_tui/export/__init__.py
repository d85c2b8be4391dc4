"""Files that leave the system: the scoreboard, the ledger and the publicity notice.

Writers over plain values (``data.scores.ScoreRow``, ``data.ledger.LedgerRow``); no SQL and
no Textual here. Every file is written beside its target and renamed into place when it is
complete (``files.atomic_path``), so a failure never leaves half a file behind.
"""
