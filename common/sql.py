"""Prebuilt SQL statements of the queue engine's hot paths.

Statements are built once, with bind parameters, so each user action pays only for executing
them (SQLAlchemy caches their compiled form); building a statement per call cost more than the
database work itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    union_all,
    update,
)

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


# -- the calling order: one definition, run as one statement by every path

# Columns of a ticket about to be called (read with it; the call's TicketView is made of them).
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
# An equality IN (not `!= 'none'`) lets the planner seek ix_tickets_waiting per kind.
_PRIORITY = (T.c.priority.in_([p for p in PRIORITIES if p != "none"]),)


def urgent(priority: Any, queue_at: Any, cutoff: Any) -> Any:
    """A ticket is urgent when it has priority or has waited past the hall's SLA."""
    return or_(priority != "none", queue_at <= cutoff)


def _probe(where: tuple[Any, ...], *, priority: bool, seek: bool, lock: bool) -> Any:
    """The oldest waiting ticket matching `where` (with `priority`: the oldest priority one):
    LIMIT 1 along an index, so a call costs the same with 20 or 20,000 people waiting."""
    # `seek` orders by an expression, not the bare column: otherwise SQLite (without
    # statistics) walks ix_tickets_queue, already in queue_at order, through every waiting
    # ticket of the services looking for the few with priority, instead of seeking those few
    # in ix_tickets_waiting and sorting them. (Tickets sent to one window are few already:
    # they are walked in order along ix_tickets_target.)
    first = func.coalesce(T.c.queue_at, T.c.queue_at) if seek else T.c.queue_at
    stmt = (
        select(T.c.id, T.c.priority, T.c.queue_at)
        .where(*_WAITING, *where, *(_PRIORITY if priority else ()))
        .order_by(first, T.c.id)
        .limit(1)
    )
    # PostgreSQL: each probe locks the ticket it returns and skips those other counters hold.
    return (stmt.with_for_update(skip_locked=True) if lock else stmt).subquery()


def next_ticket_id(ranks: int, *, lock: bool, window_id: Any, cutoff: Any) -> Any:
    """The id of the ticket a window calls next (呼叫下一位): the hall's calling order.

    Groups, in order: the tickets sent to this very window, then the window's services rank
    by rank (`rank_0`, `rank_1`, … bound to its ranks, primary first). Each group offers
    its oldest ticket and its oldest priority ticket. Urgent tickets come first (priority,
    or waited past the SLA): the first group holding one gives its oldest urgent ticket;
    otherwise the first non-empty group gives its oldest ticket. Ties: earlier place in the
    queue, then lower id.
    """
    groups: list[tuple[Any, ...]] = [(T.c.target_window_id == window_id,)]
    groups += [
        (
            T.c.target_window_id.is_(None),
            T.c.service_id.in_(
                select(WS.c.service_id).where(
                    WS.c.window_id == window_id, WS.c.rank == bindparam(f"rank_{i}")
                )
            ),
        )
        for i in range(ranks)
    ]
    offers = []
    for number, where in enumerate(groups):
        for priority in (False, True):
            probe = _probe(where, priority=priority, seek=priority and number > 0, lock=lock)
            offers.append(
                select(literal(number).label("grp"), probe.c.id, probe.c.priority, probe.c.queue_at)
            )
    offered = union_all(*offers).subquery("offered")
    return (
        select(offered.c.id)
        .order_by(
            case((urgent(offered.c.priority, offered.c.queue_at, cutoff), 0), else_=1),
            offered.c.grp,
            offered.c.queue_at,
            offered.c.id,
        )
        .limit(1)
    )


_NEXT: dict[tuple[int, bool], Any] = {}


def next_ticket(ranks: int, *, lock: bool) -> Any:
    """The ticket a window calls next, with `_CALL_COLUMNS` (bound: `hall_id`, `day`,
    `window_id`, `cutoff`, `rank_0` …)."""
    key = (ranks, lock)
    stmt = _NEXT.get(key)
    if stmt is None:
        chosen = next_ticket_id(
            ranks, lock=lock, window_id=bindparam("window_id"), cutoff=_at("cutoff")
        ).subquery("chosen")
        stmt = _NEXT[key] = select(*_CALL_COLUMNS, T.c.queue_at).select_from(
            T.join(S, S.c.id == T.c.service_id).join(chosen, chosen.c.id == T.c.id)
        )
    return stmt


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
    *_WAITING_IN_SERVICE, urgent(T.c.priority, T.c.queue_at, _at("cutoff"))
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
