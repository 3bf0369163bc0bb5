"""Prebuilt SQL statements of the queue engine's hot paths.

Statements are built once, with bind parameters, so each user action pays only for executing
them (SQLAlchemy caches their compiled form); building a statement per call cost more than the
database work itself.
"""

from __future__ import annotations

from sqlalchemy import Table, and_, bindparam, func, insert, literal_column, or_, select, update

from common.models import (
    CURRENT_STATUSES,
    PRIORITIES,
    DailyCounter,
    Event,
    Service,
    Staff,
    Ticket,
    UTCDateTime,
    Window,
    WindowService,
)

T: Table = Ticket.__table__  # type: ignore[assignment]
W: Table = Window.__table__  # type: ignore[assignment]
WS: Table = WindowService.__table__  # type: ignore[assignment]
S: Table = Service.__table__  # type: ignore[assignment]
ST: Table = Staff.__table__  # type: ignore[assignment]
E: Table = Event.__table__  # type: ignore[assignment]
DC: Table = DailyCounter.__table__  # type: ignore[assignment]
TW = W.alias("target_window")


def _at(name: str):  # type: ignore[no-untyped-def]
    return bindparam(name, type_=UTCDateTime())


WINDOW_COLUMNS = (
    W.c.id,
    W.c.number,
    W.c.name,
    W.c.active,
    W.c.paused,
    W.c.pause_reason,
    W.c.paused_at,
    W.c.staff_id,
)

# A window with its current ticket (if any) in one round trip: the hot path of every action.
CT = T.alias("current_ticket")
CS = S.alias("current_service")
CST = ST.alias("current_staff")
# Written out, not bound: the condition then matches the partial index
# ux_tickets_window_current, which holds only the tickets being served. (With bound values
# PostgreSQL's generic plan read every ticket the window ever served, years of them.)
_IS_CURRENT = CT.c.status.in_([literal_column(f"'{s}'") for s in CURRENT_STATUSES])
WINDOW_AND_CURRENT = (
    select(
        *WINDOW_COLUMNS,
        CT.c.id.label("t_id"),
        CT.c.label.label("t_label"),
        CT.c.number.label("t_number"),
        CT.c.day.label("t_day"),
        CS.c.code.label("t_service_code"),
        CS.c.name_zh.label("t_service_name_zh"),
        CS.c.name_en.label("t_service_name_en"),
        CT.c.priority.label("t_priority"),
        CT.c.status.label("t_status"),
        CST.c.login.label("t_staff_login"),
        CST.c.name.label("t_staff_name"),
        CT.c.issued_at.label("t_issued_at"),
        CT.c.called_at.label("t_called_at"),
        CT.c.started_at.label("t_started_at"),
        CT.c.recall_count.label("t_recall_count"),
        CT.c.transfer_count.label("t_transfer_count"),
        CT.c.transfer_note.label("t_transfer_note"),
        CT.c.printed.label("t_printed"),
        CT.c.token.label("t_token"),
        CT.c.service_id.label("t_service_id"),
        CT.c.staff_id.label("t_staff_id"),
    )
    .select_from(
        W.outerjoin(CT, and_(CT.c.window_id == W.c.id, _IS_CURRENT))
        .outerjoin(CS, CS.c.id == CT.c.service_id)
        .outerjoin(CST, CST.c.id == CT.c.staff_id)
    )
    .where(W.c.hall_id == bindparam("hall_id"), W.c.number == bindparam("number"))
)
# PostgreSQL: lock the window's row before reading it with its current ticket (see
# QueueEngine._window).
LOCK_WINDOW = (
    select(W.c.id, func.now().label("now"))
    .where(W.c.hall_id == bindparam("hall_id"), W.c.number == bindparam("number"))
    .with_for_update()
)


TICKET_VIEW_COLUMNS = (
    T.c.id,
    T.c.label,
    T.c.number,
    T.c.day,
    S.c.code,
    S.c.name_zh,
    S.c.name_en,
    T.c.priority,
    T.c.status,
    W.c.number,
    ST.c.login,
    ST.c.name,
    TW.c.number,
    T.c.issued_at,
    T.c.called_at,
    T.c.started_at,
    T.c.finished_at,
    T.c.recall_count,
    T.c.transfer_count,
    T.c.transfer_note,
    T.c.outcome,
    T.c.printed,
    T.c.token,
)
TICKET_VIEW_FROM = (
    T.join(S, S.c.id == T.c.service_id)
    .outerjoin(W, W.c.id == T.c.window_id)
    .outerjoin(ST, ST.c.id == T.c.staff_id)
    .outerjoin(TW, TW.c.id == T.c.target_window_id)
)
TICKETS = select(*TICKET_VIEW_COLUMNS).select_from(TICKET_VIEW_FROM)
TICKET_BY_ID = TICKETS.where(T.c.id == bindparam("ticket_id"))


# call_next's probes: each is "the oldest waiting ticket of one group", LIMIT 1 along an index,
# so a call costs the same with 20 or 20,000 people waiting. A group is the tickets sent to
# this very window, or the window's services of one rank; `_PRIORITY` narrows to priority
# tickets (few, found through ix_tickets_waiting).
_CALL_COLUMNS = (
    T.c.id,
    T.c.label,
    T.c.number,
    T.c.day,
    S.c.code,
    S.c.name_zh,
    S.c.name_en,
    T.c.priority,
    T.c.issued_at,
    T.c.recall_count,
    T.c.transfer_count,
    T.c.transfer_note,
    T.c.printed,
    T.c.token,
    T.c.service_id,
    T.c.status,
    T.c.target_window_id,
)
_WAITING = (
    T.c.hall_id == bindparam("hall_id"),
    T.c.day == bindparam("day"),
    T.c.status == "waiting",
)
_OLDEST = (
    select(*_CALL_COLUMNS, T.c.queue_at)
    .select_from(T.join(S, S.c.id == T.c.service_id))
    .order_by(T.c.queue_at, T.c.id)
    .limit(1)
)
# The window's services of one rank, as a subquery: the SQL text stays the same whatever the
# window serves, so the statement is compiled once (common.direct).
_IN_SERVICES = (
    T.c.target_window_id.is_(None),
    T.c.service_id.in_(
        select(WS.c.service_id).where(
            WS.c.window_id == bindparam("window_id"), WS.c.rank == bindparam("rank")
        )
    ),
)
_SENT_HERE = (T.c.target_window_id == bindparam("window_id"),)
# An equality IN (not `!= 'none'`) lets the planner seek ix_tickets_waiting per kind.
_PRIORITY = (T.c.priority.in_([p for p in PRIORITIES if p != "none"]),)
OLDEST_IN_SERVICES = _OLDEST.where(*_WAITING, *_IN_SERVICES)
# Ordered by an expression, not the bare column: otherwise SQLite (without statistics) walks
# ix_tickets_queue, already in queue_at order, through every waiting ticket looking for the
# few with priority, instead of seeking those few in ix_tickets_waiting and sorting them.
_OLDEST_FEW = _OLDEST.order_by(None).order_by(func.coalesce(T.c.queue_at, T.c.queue_at), T.c.id)
OLDEST_PRIORITY_IN_SERVICES = _OLDEST_FEW.where(*_WAITING, *_IN_SERVICES, *_PRIORITY)
OLDEST_SENT_HERE = _OLDEST.where(*_WAITING, *_SENT_HERE)
OLDEST_PRIORITY_SENT_HERE = _OLDEST_FEW.where(*_WAITING, *_SENT_HERE, *_PRIORITY)
# PostgreSQL: the probes lock the ticket they return and skip tickets other counters hold.
LOCKED = {
    stmt: stmt.with_for_update(of=T, skip_locked=True)
    for stmt in (
        OLDEST_IN_SERVICES,
        OLDEST_PRIORITY_IN_SERVICES,
        OLDEST_SENT_HERE,
        OLDEST_PRIORITY_SENT_HERE,
    )
}
WINDOW_RANKS = (
    select(WS.c.rank)
    .where(WS.c.window_id == bindparam("window_id"))
    .group_by(WS.c.rank)
    .order_by(WS.c.rank)
)
TICKET_BY_LABEL = (
    select(*_CALL_COLUMNS)
    .select_from(T.join(S, S.c.id == T.c.service_id))
    .where(
        T.c.hall_id == bindparam("hall_id"),
        T.c.day == bindparam("day"),
        T.c.label == bindparam("label"),
    )
)
TICKET_BY_LABEL_FOR_UPDATE = TICKET_BY_LABEL.with_for_update(of=T)

CALL = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(
        status="called",
        window_id=bindparam("window_id"),
        staff_id=bindparam("staff_id"),
        called_at=_at("now"),
        target_window_id=None,
        first_called_at=func.coalesce(T.c.first_called_at, _at("now")),
        wait_s=func.coalesce(T.c.wait_s, bindparam("wait_s")),
    )
)
# wait_s is the wait until the *first* call: the caller passes now - issued_at, and COALESCE
# keeps the value of an earlier call (a transferred ticket is called again).
STAFF_BY_ID = select(ST.c.login, ST.c.name).where(ST.c.id == bindparam("staff_id"))

# A customer back from being parked keeps the start of their handling (moved on by the time
# they were away, see QueueEngine.resume); a transferred ticket starts afresh (it has none).
START = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(status="serving", started_at=func.coalesce(T.c.started_at, _at("now")))
)
FINISH = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(
        status="done",
        finished_at=_at("now"),
        outcome=bindparam("outcome"),
        handling_s=bindparam("handling_s"),
    )
)
RECALL = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(recall_count=T.c.recall_count + 1, called_at=_at("now"))
)
NO_SHOW = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(status="no_show", finished_at=_at("now"))
)
EVENT = insert(E)

SERVICE_BY_CODE = select(
    S.c.id,
    S.c.code,
    S.c.name_zh,
    S.c.name_en,
    S.c.prefix,
    S.c.number_width,
    S.c.daily_limit,
    S.c.opening_hours,
    S.c.active,
).where(S.c.hall_id == bindparam("hall_id"), S.c.code == bindparam("code"))

INSERT_TICKET = insert(T).returning(T.c.id)

# People ahead of a ticket about to be issued (counted before it is written), read from
# ix_tickets_waiting alone.
_WAITING_IN_SERVICE = (
    T.c.hall_id == bindparam("hall_id"),
    T.c.day == bindparam("day"),
    T.c.status == "waiting",
    T.c.service_id == bindparam("service_id"),
    T.c.target_window_id.is_(None),
)
AHEAD_ALL = select(func.count()).where(*_WAITING_IN_SERVICE)
AHEAD_URGENT = select(func.count()).where(
    *_WAITING_IN_SERVICE, or_(T.c.priority != "none", T.c.queue_at <= _at("cutoff"))
)
SERVING_WINDOWS = (
    select(func.count())
    .select_from(WS.join(W, W.c.id == WS.c.window_id))
    .where(WS.c.service_id == bindparam("service_id"), W.c.active.is_(True), W.c.paused.is_(False))
)
RECENT_HANDLING = (
    select(T.c.handling_s)
    .where(
        T.c.hall_id == bindparam("hall_id"),
        T.c.day == bindparam("day"),
        T.c.service_id == bindparam("service_id"),
        T.c.status == "done",
        T.c.handling_s.is_not(None),
    )
    .order_by(T.c.finished_at.desc())
    .limit(bindparam("limit"))
)
STAFF_BY_LOGIN = select(ST.c.id).where(
    ST.c.hall_id == bindparam("hall_id"), ST.c.login == bindparam("login"), ST.c.active.is_(True)
)
