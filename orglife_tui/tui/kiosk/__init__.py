"""The kiosk: a locked ballot station for one appraisal session on one shared terminal.

Members step up one after another (docs/architecture.md §6). Every voter starts from the neutral
hand-over screen (branch, session, "k of n voted", nothing else). The teller presses
Enter, picks the voter among those who have not voted and types the teller PIN; a
hand-over screen names the voter, who rates every candidate with single keys (1–4, 0 or
space = abstain; a candidate left blank is an abstention too), reviews the ballot and casts
it with ``y``. A receipt screen shows the random receipt code and clears itself.

- ``app``: :class:`~orglife_tui.tui.kiosk.app.KioskStation`, which runs the kiosk's screens
  over any app, and :class:`~orglife_tui.tui.kiosk.app.KioskApp`, what ``orglife-tui kiosk
  ID`` runs;
- ``base``: the locked screen every step is, and the voter's screen with its idle timers;
- ``screens``: the steps, from the neutral screen to the receipt and the teller's exit;
- ``ballot``: the ballot grid and the review table, shared with the teller's paper-ballot
  entry.
"""
