"""What ``scheme check`` and ``scheme show`` print: the scheme in words, in one language.

Pure: reads the catalog, nothing else.
"""

from __future__ import annotations

import unicodedata

from orglife_tui.domain import MeetingType, MemberStatus, label
from orglife_tui.scoring.model import Scheme
from orglife_tui.scoring.policy import LadderStep, Policy
from orglife_tui.scoring.scheme.errors import num as _num


def _tl(key: str, lang: str, **params: object) -> str:
    """A message of this area in the given language (not the process-wide one)."""
    from orglife_tui.locale import appraisal_after, dues, life_meeting
    from orglife_tui.locale.scheme import MESSAGES

    # dues: derive, rule; appraisal_after: the follow-up rule; life_meeting: the yearly duties
    pair = (
        MESSAGES.get(key)
        or dues.MESSAGES.get(key)
        or appraisal_after.MESSAGES.get(key)
        or life_meeting.MESSAGES[key]
    )
    text = pair[1 if lang == "zh" else 0]
    return text.format(**params) if params else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _num(value)


def summary_lines(scheme: Scheme, lang: str) -> list[str]:
    """What ``scheme check`` and ``scheme show`` print: the numbers, the cut-offs and a
    table of the items with their points and yearly caps, in the given language."""
    sep = "、" if lang == "zh" else ", "
    none = _tl("scheme.summary.none", lang)
    lines = [
        _tl(
            "scheme.summary.title",
            lang,
            name=scheme.name,
            version=scheme.version,
            period=_tl(f"scheme.period.{scheme.period}", lang),
        ),
        _tl(
            "scheme.summary.points",
            lang,
            base=_num(scheme.base_points),
            floor=_num(scheme.floor),
            ceiling=_num(scheme.ceiling),
        ),
        _tl(
            "scheme.summary.statuses",
            lang,
            scored=sep.join(label(s, lang) for s in MemberStatus if s in scheme.scored_statuses)
            or none,
            graded=sep.join(label(s, lang) for s in MemberStatus if s in scheme.graded_statuses)
            or none,
        ),
    ]
    if scheme.cutoffs:
        lines.append(_tl("scheme.summary.cutoffs", lang))
        names = {s: label(s, lang) for s in scheme.cutoffs}
        width = max(_width(n) for n in names.values())
        for status in MemberStatus:
            c = scheme.cutoffs.get(status)
            if c is None:
                continue
            row = f"  {_pad(names[status], width)}  " + " / ".join(
                _num(v) for v in (c.excellent, c.qualified, c.basically_qualified)
            )
            if status not in scheme.graded_statuses:
                row += "  " + _tl("scheme.summary.not_graded", lang)
            lines.append(row)
    weight = scheme.appraisal.points_weight
    lines.append(
        _tl(
            "scheme.summary.appraisal",
            lang,
            normalization=_tl(f"scheme.normalization.{scheme.appraisal.normalization.value}", lang),
            weight=_num(weight),
            ballot=_num(round(1 - weight, 6)),
        )
    )
    ap = scheme.appraisal
    values = {g.value: _num(v) for g, v in ap.ballot_values.items()}
    lines.append(
        _tl(
            "scheme.summary.ballot",
            lang,
            voters=sep.join(label(s, lang) for s in MemberStatus if s in ap.voters),
            **values,
        )
    )
    lines.append(
        _tl(
            "scheme.summary.ballot_flags",
            lang,
            share=_num(ap.excellent_share_max),
            flag=_tl("scheme.summary.flag_above", lang, share=_num(ap.unqualified_vote_flag))
            if ap.unqualified_vote_flag
            else _tl("scheme.summary.flag_off", lang),
        )
    )
    lines.append(_tl("scheme.summary.items", lang, count=len(scheme.items)))
    header = [
        _tl(f"scheme.summary.col.{k}", lang) for k in ("code", "category", "points", "cap", "name")
    ]
    rows: list[list[str]] = [header]
    derived: list[str | None] = [None]
    for it in scheme.items:
        rows.append(
            [
                it.code,
                _tl(f"scheme.category.{it.category.value}", lang),
                f"{_signed(it.points)} {_tl(f'scheme.unit.{it.unit.value}', lang)}"
                if it.points
                else "0",
                _tl("scheme.summary.no_cap", lang) if it.cap is None else _num(it.cap),
                it.name(lang),
            ]
        )
        if it.dues is not None:
            derived.append(_tl("dues.scheme.summary", lang, grace=it.dues.grace_months))
            continue
        derived.append(
            None
            if it.derive is None
            else _tl(
                "scheme.summary.derive",
                lang,
                types=sep.join(label(m, lang) for m in it.derive.meeting_types),
                attendance=label(it.derive.attendance, lang),
            )
        )
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    indent = 2 + widths[0] + 2  # under the category: the narrowest place to start
    for r, derive in zip(rows, derived):
        lines.append(("  " + "  ".join(_pad(c, w) for c, w in zip(r, widths))).rstrip())
        if derive:
            lines.append(" " * indent + derive)
    return lines + policy_lines(scheme.policy, lang)


def policy_lines(policy: Policy, lang: str) -> list[str]:
    """The ``[policy]`` part of the summary: one line per rule, by its id."""
    sep = "、" if lang == "zh" else ", "
    lines = [
        _tl("scheme.policy.summary.title", lang),
        "  "
        + _tl(
            "scheme.policy.summary.life",
            lang,
            types=sep.join(label(m, lang) for m in policy.organizational_life),
        ),
    ]
    described: list[tuple[str, str]] = []
    for rule in (*policy.frequencies, *policy.yearly):
        key = "frequency_group" if rule.meeting_type is MeetingType.group_meeting else "frequency"
        described.append(
            (
                rule.rule,
                _tl(
                    f"scheme.policy.summary.{key}",
                    lang,
                    times=rule.times,
                    period=_tl(f"scheme.policy.period.{rule.period.value}", lang),
                ),
            )
        )

    def steps(ladder: tuple[LadderStep, ...]) -> list[str]:
        return [
            _tl(
                "scheme.policy.summary.step",
                lang,
                months=step.months,
                action=_tl(f"scheme.policy.action.{step.action.value}", lang),
                severity=_tl(f"scheme.policy.severity.{step.severity.value}", lang),
            )
            for step in ladder
        ]

    absence = steps(policy.absence.ladder)
    described.append(("absence_streak", absence[0]))
    described += [("", more) for more in absence[1:]]  # one step a line, under the first
    described.append(
        (
            "talk_coverage",
            _tl(
                "scheme.policy.summary.talks",
                lang,
                times=policy.talks.talks_per_member,
                grace=policy.talks.grace_months,
            ),
        )
    )
    described.append(("rectification_overdue", _tl("scheme.policy.summary.rectification", lang)))
    dues = steps(policy.dues.ladder)
    described.append(("dues_arrears", dues[0]))
    described += [("", more) for more in dues[1:]]
    described.append(("follow_up_overdue", _tl("scheme.policy.summary.follow_up", lang)))
    described += [(rule, _tl(f"life.policy.summary.{rule}", lang)) for rule in policy.duties]
    width = max(len(rule_id) for rule_id, _ in described)
    off = _tl("scheme.policy.summary.off", lang)
    owner = ""  # the rule a line without an id continues
    for rule_id, text in described:
        owner = rule_id or owner
        if not rule_id and not policy.enabled(owner):
            continue
        shown = text if not rule_id or policy.enabled(rule_id) else off
        lines.append(f"  {rule_id.ljust(width)}  {shown}")
    lines.append("  " + _tl("scheme.policy.summary.publicity", lang, days=policy.publicity_days))
    return lines
