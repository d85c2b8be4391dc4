"""Row-level security on PostgreSQL: the database itself enforces the accounts' roles.

Every login connects as its own database role (peer authentication over the server's
socket: the SSH user is the role). The tables belong to the role that created the
database (its administrator, whom row-level security does not restrict); every other role
may touch exactly the rows the policies below let through, so ``psql`` under a user's
role shows what the TUI shows them (issue 13 §2).

How a policy finds a row's branch: the row's ``branch_id``, or its parent's (an
attendance row through its meeting, a ballot table through its session). The grants are
read by ``SECURITY DEFINER`` functions that return, once per statement, the branches where
the current role holds some roles (``orglife_branches``) and the roster members it is
(``orglife_self``): the grant tables themselves stay hidden behind their own policies.

Confidential talk texts (``talk_text``) are readable by the branch secretary and by the
talk's author (who recorded it, or a talker the account is); ballots sealed in an open poll
by no one but the transaction that closes or resets it (``opening_ballots``).

``apply`` is idempotent; a migration that adds a table adds its :data:`TABLES` entry and
calls it again. ``tests/data/test_row_security.py`` checks every table has one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from orglife_tui.domain.access import AccountRole

SEC = (AccountRole.SECRETARY,)
STAFF = (AccountRole.SECRETARY, AccountRole.COMMITTEE)
READ = (AccountRole.SECRETARY, AccountRole.COMMITTEE, AccountRole.OBSERVER)
TELLER = (AccountRole.TELLER,)
MEMBER = (AccountRole.MEMBER,)
BALLOT = (AccountRole.SECRETARY, AccountRole.TELLER)

# The names of the policies this module owns (dropped and made again by ``apply``).
POLICY_PREFIX = "orglife_"


@dataclass(frozen=True)
class Scope:
    """How a row names its branch: ``column`` on the table itself, or ``column`` naming a
    row of ``parent`` whose ``branch_id`` it is."""

    column: str = "branch_id"
    parent: str | None = None


@dataclass(frozen=True)
class TableRule:
    scope: Scope = Scope()
    read: tuple[AccountRole, ...] = READ
    write: tuple[AccountRole, ...] = STAFF
    # The member role reads its own rows: the column naming the member (None: no rows).
    own: str | None = "member_id"
    # Extra condition on the member's own rows (an appraisal result once published).
    own_when: str | None = None
    # The member role may add rows of its own (commitments, orders).
    own_insert: bool = False
    # Who adds rows, when not every writer (a teller runs a poll, never creates one).
    create: tuple[AccountRole, ...] | None = None
    # Readable whenever its parent row is (who took part in a talk the reader may see).
    with_parent: bool = False


DIRECT = Scope()
_MEETING = Scope("meeting_id", "meeting")
_TALK = Scope("talk_id", "talk")
_SESSION = Scope("session_id", "appraisal_session")
_PUBLISHED = (
    "EXISTS (SELECT 1 FROM appraisal_session s WHERE s.id = {t}.session_id"
    " AND s.state = 'published')"
)

# Every table of the app: how each is scoped and who reads and writes it. ``custom``
# tables (audit log, accounts, sealed ballots, talk texts) get their policies below.
TABLES: dict[str, TableRule] = {
    "branch": TableRule(Scope("id"), read=READ + TELLER + MEMBER, write=SEC, own=None),
    "party_group": TableRule(read=READ + TELLER + MEMBER, own=None),
    "member": TableRule(read=READ + TELLER, own="id"),
    "meeting": TableRule(read=READ + MEMBER, own=None),
    "meeting_type": TableRule(_MEETING, read=READ + MEMBER, own=None),
    "attendance": TableRule(_MEETING),
    "scheme_version": TableRule(read=READ + MEMBER, write=SEC, own=None),
    "ledger_entry": TableRule(),
    "ledger_total": TableRule(),
    "talk": TableRule(),
    "talk_talker": TableRule(_TALK, own=None, with_parent=True),
    "plan_item": TableRule(read=READ + MEMBER, own=None),
    "rectification_item": TableRule(),
    "life_meeting_record": TableRule(_MEETING),
    "member_post": TableRule(),
    "commitment": TableRule(own_insert=True),
    "member_event": TableRule(),
    "dues_standard": TableRule(),
    "dues_payment": TableRule(),
    "publication": TableRule(read=READ + MEMBER, own=None),
    "appraisal_session": TableRule(read=READ + TELLER + MEMBER, write=BALLOT, own=None, create=SEC),
    "appraisal_candidate": TableRule(_SESSION, read=READ + TELLER, write=BALLOT),
    "appraisal_voter": TableRule(_SESSION, read=READ + TELLER, write=BALLOT, own=None),
    "appraisal_voted": TableRule(_SESSION, read=READ + TELLER, write=BALLOT, own=None),
    "appraisal_receipt": TableRule(_SESSION, read=BALLOT, write=BALLOT, own=None),
    "appraisal_rating": TableRule(_SESSION, read=READ + TELLER, write=BALLOT, own=None),
    "appraisal_decision": TableRule(_SESSION, own_when=_PUBLISHED),
    "appraisal_self_assessment": TableRule(_SESSION),
    "appraisal_peer_comment": TableRule(_SESSION, own=None),
    "appraisal_objection": TableRule(own_when=_PUBLISHED),
    "appraisal_correction": TableRule(_SESSION, own_when=_PUBLISHED),
    "appraisal_follow_up": TableRule(own_when=_PUBLISHED),
    "commendation": TableRule(own_when=_PUBLISHED),
    "activity_order": TableRule(own_insert=True),
}
CUSTOM = ("audit_log", "account", "account_grant", "appraisal_sealed", "talk_text")
# Read by every role, written by none but the owner: the schema's revision.
PUBLIC_READ = ("alembic_version",)


def _roles(roles: Iterable[AccountRole]) -> str:
    return "ARRAY[" + ", ".join(f"'{r.value}'" for r in roles) + "]::text[]"


def in_branches(column: str, roles: Iterable[AccountRole]) -> str:
    """``column`` names a branch where the current role holds one of ``roles``."""
    return (
        f"{column} = ANY ((SELECT orglife_branches(current_user::text, {_roles(roles)}))"
        "::integer[])"
    )


def _scoped(table: str, scope: Scope, roles: Iterable[AccountRole]) -> str:
    if scope.parent is None:
        return in_branches(f"{table}.{scope.column}", roles)
    return (
        f"EXISTS (SELECT 1 FROM {scope.parent} p WHERE p.id = {table}.{scope.column}"
        f" AND {in_branches('p.branch_id', roles)})"
    )


# A scalar subquery (cast, so that ``= ANY`` takes it as one array): evaluated once per
# statement, not once per row.
SELF = "((SELECT orglife_self(current_user::text))::integer[])"
# The roster members the account is, in any role (a committee member who held a talk).
LINKED = "((SELECT orglife_linked(current_user::text))::integer[])"
ADMIN = "(SELECT orglife_is_admin(current_user::text))"


def _own(table: str, rule: TableRule) -> str | None:
    if rule.own is None:
        return None
    cond = f"{table}.{rule.own} = ANY {SELF}"
    if rule.own_when:
        cond += " AND " + rule.own_when.format(t=table)
    return cond


def policies(table: str) -> list[str]:
    """The CREATE POLICY statements of one table."""
    out = [f"CREATE POLICY orglife_admin ON {table} FOR ALL USING ({ADMIN}) WITH CHECK ({ADMIN})"]
    if table in CUSTOM:
        return out + _custom(table)
    rule = TABLES[table]
    read = _scoped(table, rule.scope, rule.read)
    own = _own(table, rule)
    if own:
        read = f"({read}) OR ({own})"
    if rule.with_parent and rule.scope.parent is not None:
        read = (
            f"EXISTS (SELECT 1 FROM {rule.scope.parent} p WHERE p.id = {table}.{rule.scope.column})"
        )
    write = _scoped(table, rule.scope, rule.write)
    create = write if rule.create is None else _scoped(table, rule.scope, rule.create)
    out += [
        f"CREATE POLICY orglife_read ON {table} FOR SELECT USING ({read})",
        f"CREATE POLICY orglife_insert ON {table} FOR INSERT WITH CHECK ({create})",
        f"CREATE POLICY orglife_update ON {table} FOR UPDATE USING ({write}) WITH CHECK ({write})",
        f"CREATE POLICY orglife_delete ON {table} FOR DELETE USING ({write})",
    ]
    if rule.own_insert:
        mine = f"{table}.member_id = ANY {SELF} AND " + in_branches(f"{table}.branch_id", MEMBER)
        out.append(f"CREATE POLICY orglife_own_insert ON {table} FOR INSERT WITH CHECK ({mine})")
    return out


def _custom(table: str) -> list[str]:
    sec_here = in_branches("branch_id", SEC)
    if table == "audit_log":
        # Every account appends its own traces, named by the database, never by the app.
        return [
            "CREATE POLICY orglife_read ON audit_log FOR SELECT"
            f" USING (operator = current_user::text OR {sec_here})",
            "CREATE POLICY orglife_insert ON audit_log FOR INSERT WITH CHECK"
            " (operator = current_user::text AND (SELECT orglife_known(current_user::text)))",
        ]
    if table == "account":
        granted_here = (
            "EXISTS (SELECT 1 FROM account_grant g WHERE g.account = account.name AND "
            + in_branches("g.branch_id", SEC)
            + ")"
        )
        any_secretary = (
            f"cardinality((SELECT orglife_branches(current_user::text, {_roles(SEC)}))) > 0"
        )
        return [
            "CREATE POLICY orglife_read ON account FOR SELECT"
            f" USING (name = current_user::text OR {granted_here})",
            f"CREATE POLICY orglife_insert ON account FOR INSERT"
            f" WITH CHECK (NOT is_admin AND {any_secretary})",
        ]
    if table == "account_grant":
        # The roster member a grant names is one of the same branch: a member role may not
        # reach into another branch's records through a borrowed member id.
        same_branch = (
            "(member_id IS NULL OR EXISTS (SELECT 1 FROM member m WHERE "
            "m.id = account_grant.member_id AND m.branch_id = account_grant.branch_id))"
        )
        may = f"{sec_here} AND role <> '{AccountRole.OBSERVER.value}' AND {same_branch}"
        return [
            "CREATE POLICY orglife_read ON account_grant FOR SELECT"
            f" USING (account = current_user::text OR {sec_here})",
            f"CREATE POLICY orglife_insert ON account_grant FOR INSERT WITH CHECK ({may})",
            f"CREATE POLICY orglife_delete ON account_grant FOR DELETE USING ({may})",
        ]
    if table == "appraisal_sealed":
        box = _scoped(table, _SESSION, BALLOT)
        # Sealed ballots of an open poll: put in, never read or taken out by anyone but the
        # transaction that closes or resets the poll (it sets ``opening_ballots`` and
        # clears it again; the ballots stay sealed to keys it needs both passwords for).
        not_open = (
            "EXISTS (SELECT 1 FROM appraisal_session s WHERE s.id = appraisal_sealed.session_id"
            " AND (s.state <> 'started' OR s.opening_ballots))"
        )
        return [
            f"CREATE POLICY orglife_insert ON {table} FOR INSERT WITH CHECK ({box})",
            f"CREATE POLICY orglife_read ON {table} FOR SELECT USING ({box} AND {not_open})",
            f"CREATE POLICY orglife_delete ON {table} FOR DELETE USING ({box} AND {not_open})",
        ]
    if table == "talk_text":
        author = (
            "(p.operator = current_user::text OR EXISTS (SELECT 1 FROM talk_talker tt "
            f"WHERE tt.talk_id = p.id AND tt.member_id = ANY {LINKED}))"
        )
        may_read = (
            f"(NOT p.confidential AND ({in_branches('p.branch_id', READ)}"
            f" OR p.member_id = ANY {SELF}))"
            f" OR {in_branches('p.branch_id', SEC)}"
            f" OR ({in_branches('p.branch_id', STAFF)} AND {author})"
        )
        may_write = (
            f"{in_branches('p.branch_id', STAFF)} AND (NOT p.confidential"
            f" OR {in_branches('p.branch_id', SEC)} OR {author})"
        )

        def talk(cond: str) -> str:
            return f"EXISTS (SELECT 1 FROM talk p WHERE p.id = talk_text.talk_id AND ({cond}))"

        return [
            f"CREATE POLICY orglife_read ON talk_text FOR SELECT USING ({talk(may_read)})",
            f"CREATE POLICY orglife_insert ON talk_text FOR INSERT WITH CHECK ({talk(may_write)})",
            f"CREATE POLICY orglife_update ON talk_text FOR UPDATE USING ({talk(may_write)})"
            f" WITH CHECK ({talk(may_write)})",
            f"CREATE POLICY orglife_delete ON talk_text FOR DELETE USING ({talk(may_write)})",
        ]
    raise KeyError(table)


# In the functions that read the grants: the login asks about itself only (a role may
# not learn another login's branches by calling them with its name).
MINE = "pg_has_role(session_user, who, 'MEMBER')"


def _functions(schema: str) -> list[str]:
    definer = f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema}"
    return [
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_is_admin(who text) RETURNS boolean "
        f"{definer} AS $$ SELECT EXISTS (SELECT 1 FROM {schema}.account "
        f"WHERE name = who AND is_admin) AND {MINE} $$",
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_known(who text) RETURNS boolean "
        f"{definer} AS $$ SELECT EXISTS (SELECT 1 FROM {schema}.account WHERE name = who) "
        f"AND {MINE} $$",
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_branches(who text, roles text[]) "
        f"RETURNS integer[] {definer} AS $$ SELECT coalesce(array_agg(DISTINCT branch_id), "
        f"'{{}}') FROM {schema}.account_grant WHERE account = who AND role = ANY (roles) "
        f"AND {MINE} $$",
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_self(who text) RETURNS integer[] "
        f"{definer} AS $$ SELECT coalesce(array_agg(g.member_id), '{{}}') FROM "
        f"{schema}.account_grant g JOIN {schema}.member m ON m.id = g.member_id "
        f"AND m.branch_id = g.branch_id WHERE g.account = who "
        f"AND g.role = '{AccountRole.MEMBER.value}' AND {MINE} $$",
        # A branch secretary adds a login for a new user: the role is created with the
        # owner's right (CREATEROLE, when the administrator has it) and may connect to this
        # database (a committee may revoke CONNECT from PUBLIC); it gets no other privilege
        # but what every role has, which the policies filter.
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_create_login(who text) RETURNS void "
        f"LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, {schema} "
        "AS $$ BEGIN "
        "IF who !~ '^[A-Za-z_][A-Za-z0-9_.-]{0,62}$' THEN "
        "RAISE EXCEPTION 'bad login name' USING ERRCODE = '22023'; END IF; "
        f"IF NOT ({schema}.orglife_is_admin(session_user::text) OR cardinality("
        f"{schema}.orglife_branches(session_user::text, ARRAY['secretary'])) > 0) THEN "
        "RAISE EXCEPTION 'not a secretary' USING ERRCODE = '42501'; END IF; "
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN "
        "EXECUTE 'CREATE ROLE ' || quote_ident(who) || ' LOGIN'; END IF; "
        "EXECUTE 'GRANT CONNECT ON DATABASE ' || quote_ident(current_database()) || ' TO ' "
        "|| quote_ident(who); END $$",
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_linked(who text) RETURNS integer[] "
        f"{definer} AS $$ SELECT coalesce(array_agg(DISTINCT g.member_id), '{{}}') FROM "
        f"{schema}.account_grant g JOIN {schema}.member m ON m.id = g.member_id "
        f"AND m.branch_id = g.branch_id WHERE g.account = who AND {MINE} $$",
        # The audit chain checked where every link is readable: for a role that may not
        # read every trace, the first broken link (and how many there are), no content.
        # The hash is chain.link_hash over rows.audit_fields, spelled in SQL.
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_audit_check(OUT entries integer, "
        "OUT break_id integer, OUT reason text) LANGUAGE plpgsql STABLE SECURITY DEFINER "
        f"SET search_path = pg_catalog, {schema} AS $$ "
        "DECLARE prev text := repeat('0', 64); r record; h bytea; f text; b bytea; "
        "BEGIN entries := 0; "
        "FOR r IN SELECT id, branch_id, at, operator, action, detail, prev_hash, hash "
        f"FROM {schema}.audit_log ORDER BY id LOOP "
        "entries := entries + 1; "
        "IF break_id IS NOT NULL THEN CONTINUE; END IF; "
        "IF r.prev_hash IS DISTINCT FROM prev THEN "
        "break_id := r.id; reason := 'prev_mismatch'; CONTINUE; END IF; "
        "h := convert_to(prev, 'UTF8'); "
        "FOREACH f IN ARRAY ARRAY[coalesce(r.branch_id::text, ''), "
        """to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), """
        "r.operator::text, r.action::text, r.detail] LOOP "
        "b := convert_to(f, 'UTF8'); h := h || int4send(octet_length(b)) || b; END LOOP; "
        "IF r.hash IS DISTINCT FROM encode(sha256(h), 'hex') THEN "
        "break_id := r.id; reason := 'hash_mismatch'; CONTINUE; END IF; "
        "prev := r.hash; END LOOP; END $$",
        # The audit chain's newest link, for a role that may not read every trace.
        f"CREATE OR REPLACE FUNCTION {schema}.orglife_audit_head() RETURNS text {definer} "
        f"AS $$ SELECT hash FROM {schema}.audit_log ORDER BY id DESC LIMIT 1 $$",
    ]


def all_tables() -> list[str]:
    return [*TABLES, *CUSTOM]


def _drop_policies(conn: Connection, table: str) -> None:
    """Drop this module's policies of ``table`` (named ``orglife_…``), whatever they are."""
    for (name,) in conn.exec_driver_sql(
        "SELECT polname FROM pg_policy WHERE polrelid = %(t)s::regclass "
        "AND polname LIKE 'orglife\\_%%'",
        {"t": table},
    ).all():
        conn.exec_driver_sql(f"DROP POLICY {name} ON {table}")


def apply(conn: Connection) -> None:
    """Enable row-level security on every table, with this module's policies and the
    privileges every role needs to reach them (rows stay filtered by the policies)."""
    if conn.dialect.name != "postgresql":
        return
    schema = conn.dialect.identifier_preparer.quote_identifier(
        conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    )
    run = conn.exec_driver_sql
    for statement in _functions(schema):
        run(statement)
    for table in all_tables():
        _drop_policies(conn, table)
        run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        run(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO PUBLIC")
        for statement in policies(table):
            run(statement)
    for table in PUBLIC_READ:
        run(f"GRANT SELECT ON {table} TO PUBLIC")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO PUBLIC")


def remove(conn: Connection) -> None:
    """Undo :func:`apply` (the migration's downgrade)."""
    if conn.dialect.name != "postgresql":
        return
    run = conn.exec_driver_sql
    for table in all_tables():
        run(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        run(f"REVOKE ALL ON {table} FROM PUBLIC")
        _drop_policies(conn, table)
    for fn in (
        "orglife_is_admin(text)",
        "orglife_known(text)",
        "orglife_branches(text, text[])",
        "orglife_self(text)",
        "orglife_linked(text)",
        "orglife_audit_head()",
        "orglife_create_login(text)",
        "orglife_audit_check()",
    ):
        run(f"DROP FUNCTION IF EXISTS {fn}")
