"""Prebuilt SQL statements of the queue engine's hot paths.

Statements are built once, with bind parameters, so each user action pays only for executing
them (SQLAlchemy caches their compiled form); building a statement per call cost more than the
database work itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    Integer,
    String,
    Table,
    and_,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
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
    status_is,
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
_IS_CURRENT = status_is(CT.c.status, *CURRENT_STATUSES)


def current_columns(ticket: Any, service: Any, staff: Any) -> tuple[Any, ...]:
    """A window's current ticket as `_Current` reads it (labels `t_…`), from `ticket` (the
    tickets table or a statement returning its columns), its service and its staff."""
    return (
        ticket.c.id.label("t_id"),
        ticket.c.label.label("t_label"),
        ticket.c.number.label("t_number"),
        ticket.c.day.label("t_day"),
        service.c.code.label("t_service_code"),
        service.c.name_zh.label("t_service_name_zh"),
        service.c.name_en.label("t_service_name_en"),
        ticket.c.priority.label("t_priority"),
        ticket.c.status.label("t_status"),
        staff.c.login.label("t_staff_login"),
        staff.c.name.label("t_staff_name"),
        ticket.c.issued_at.label("t_issued_at"),
        ticket.c.called_at.label("t_called_at"),
        ticket.c.started_at.label("t_started_at"),
        ticket.c.recall_count.label("t_recall_count"),
        ticket.c.transfer_count.label("t_transfer_count"),
        ticket.c.transfer_note.label("t_transfer_note"),
        ticket.c.printed.label("t_printed"),
        ticket.c.token.label("t_token"),
        ticket.c.service_id.label("t_service_id"),
        ticket.c.staff_id.label("t_staff_id"),
    )


WINDOW_AND_CURRENT = (
    select(*WINDOW_COLUMNS, *current_columns(CT, CS, CST))
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
    status_is(T.c.status, "waiting"),
)
# An equality IN (not `!= 'none'`) lets the planner seek ix_tickets_waiting per kind.
_PRIORITY = (T.c.priority.in_([p for p in PRIORITIES if p != "none"]),)


def urgent(priority: Any, queue_at: Any, cutoff: Any) -> Any:
    """A ticket is urgent when it has priority or has waited past the hall's SLA."""
    return or_(priority != "none", queue_at <= cutoff)


def _probe(where: tuple[Any, ...], *, order: tuple[Any, ...], lock: bool) -> Any:
    """The first waiting ticket matching `where` in `order` (then id)."""
    stmt = (
        select(T.c.id, T.c.priority, T.c.queue_at)
        .where(*_WAITING, *where)
        .order_by(*order, T.c.id)
        .limit(1)
    )
    # PostgreSQL: each probe locks the ticket it returns and skips those other counters hold.
    return (stmt.with_for_update(skip_locked=True) if lock else stmt).subquery()


def next_ticket_id(ranks: int, *, lock: bool, window_id: Any, cutoff: Any) -> Any:
    """The id of the ticket a window calls next (呼叫下一位): the hall's calling order.

    Groups, in order: the tickets sent to this very window, then the window's services rank
    by rank (`rank_0`, `rank_1`, … bound to its ranks, primary first). Urgent tickets come
    first (priority, or waited past the SLA): the first group holding one gives its oldest
    urgent ticket; otherwise the first non-empty group gives its oldest ticket. Ties:
    earlier place in the queue, then lower id.
    """
    # Each group offers its oldest ticket and its oldest priority ticket, each LIMIT 1 along
    # an index, so a call costs the same with 20 or 20,000 people waiting. (A rank's
    # priority probe orders by an expression, not the bare column: otherwise SQLite, without
    # statistics, walks ix_tickets_queue, already in queue_at order, through every waiting
    # ticket of the services looking for the few with priority, instead of seeking those few
    # in ix_tickets_waiting and sorting them. Tickets sent to one window are few already:
    # they are walked in order along ix_tickets_target.)
    sent_here = (T.c.target_window_id == window_id,)
    probes = [
        (0, _probe(sent_here, order=(T.c.queue_at,), lock=lock)),
        (0, _probe((*sent_here, *_PRIORITY), order=(T.c.queue_at,), lock=lock)),
    ]
    for i in range(ranks):
        in_rank = (
            T.c.target_window_id.is_(None),
            T.c.service_id.in_(
                select(WS.c.service_id).where(
                    WS.c.window_id == window_id, WS.c.rank == bindparam(f"rank_{i}")
                )
            ),
        )
        probes.append((i + 1, _probe(in_rank, order=(T.c.queue_at,), lock=lock)))
        seek = (func.coalesce(T.c.queue_at, T.c.queue_at),)
        probes.append((i + 1, _probe((*in_rank, *_PRIORITY), order=seek, lock=lock)))
    offers = [
        select(literal(number).label("grp"), probe.c.id, probe.c.priority, probe.c.queue_at)
        for number, probe in probes
    ]
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


def _call_values(now: Any, window_id: Any, staff_id: Any, wait_s: Any) -> dict[str, Any]:
    """What calling a ticket writes. wait_s is the wait until the *first* call: COALESCE
    keeps the value of an earlier call (a transferred ticket is called again)."""
    return {
        "status": "called",
        "window_id": window_id,
        "staff_id": staff_id,
        "called_at": now,
        "target_window_id": None,
        "first_called_at": func.coalesce(T.c.first_called_at, now),
        "wait_s": func.coalesce(T.c.wait_s, wait_s),
    }


# The caller passes wait_s = now - issued_at.
CALL = (
    update(T)
    .where(T.c.id == bindparam("ticket_id"))
    .values(
        **_call_values(
            _at("now"), bindparam("window_id"), bindparam("staff_id"), bindparam("wait_s")
        )
    )
)
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
    status_is(T.c.status, "waiting"),
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


# -- PostgreSQL: an action as one statement, its own transaction

# A transaction that says so wakes the change feed's listeners itself, after its COMMIT
# (WAKE), instead of the event log's trigger doing it inside the transaction: PostgreSQL
# holds one database-wide lock from a notifying transaction's COMMIT until its commit record
# is on disk, so notifying writers commit one at a time, each waiting for its own flush (a
# hall's dispatch stopped at ~500 call-and-finish pairs a second, however many CPUs).
_NOTIFY_AFTER_COMMIT = func.set_config("hallq.notify", "after_commit", True)
NOTIFY_AFTER_COMMIT = select(_NOTIFY_AFTER_COMMIT)
# Its own transaction, committed without waiting for the disk: the lock is held for moments,
# and a wake-up lost in a crash costs nothing (listeners catch up from their cursor).
WAKE = select(
    func.set_config("synchronous_commit", "off", True), func.pg_notify(bindparam("channel"), "")
)


def _action_now() -> Any:
    """The time of the action: the injected clock's when there is one, else the server's."""
    return func.coalesce(_at("now"), func.now())


def _action_window(*conditions: Any) -> Any:
    """The window of a one-statement action, locked, as CTE `win`.

    Empty unless the window is open (and `conditions` hold) and it is still the service day
    the engine expects (`day`, in the hall's time zone `tz`; `any_day` for the simulation's
    fixed day): the engine then runs the action the long way, which closes earlier days and
    says what is wrong. Reading the row also marks the transaction NOTIFY_AFTER_COMMIT.
    """
    local_day = cast(func.timezone(bindparam("tz", type_=String), _action_now()), Date)
    return (
        select(W.c.id, W.c.number, W.c.staff_id, _NOTIFY_AFTER_COMMIT.label("notify"))
        .where(
            W.c.hall_id == bindparam("hall_id"),
            W.c.number == bindparam("number"),
            W.c.active.is_(True),
            or_(bindparam("any_day", type_=Boolean), local_day == bindparam("day")),
            *conditions,
        )
        .with_for_update(of=W)
        .cte("win")
    )


def _event_of(action: Any, kind: str, at: Any, **details: Any) -> Any:
    """The event-log row of a one-statement action, from the rows `action` returns."""
    pairs = [part for key, value in details.items() for part in (literal(key), value)]
    return (
        insert(E)
        .from_select(
            [
                "hall_id",
                "at",
                "kind",
                "ticket_id",
                "window_id",
                "staff_id",
                "service_id",
                "details",
            ],
            select(
                action.c.hall_id,
                at,
                literal(kind),
                action.c.id,
                action.c.window_id,
                action.c.staff_id,
                action.c.service_id,
                func.json_build_object(*pairs),
            ),
        )
        .cte(f"{kind}_event")
    )


def _seconds(interval: Any) -> Any:
    return func.extract("epoch", interval)


# What the one-statement actions read back of the ticket they changed.
_RETURNED = (
    T.c.id,
    T.c.hall_id,
    T.c.label,
    T.c.number,
    T.c.day,
    T.c.priority,
    T.c.status,
    T.c.issued_at,
    T.c.called_at,
    T.c.recall_count,
    T.c.transfer_count,
    T.c.transfer_note,
    T.c.outcome,
    T.c.printed,
    T.c.token,
    T.c.service_id,
    T.c.window_id,
    T.c.staff_id,
)
_FAST_CALL: dict[int, Any] = {}


def fast_call_next(ranks: int) -> Any:
    """call_next in one statement (PostgreSQL): lock the window, choose the ticket with the
    calling order (`next_ticket_id`), call it and log the event. No row: the engine runs the
    action the long way (paused, busy or closed window, nobody waiting, a new day).

    The probes read after the window's lock (its id is an InitPlan they depend on); a
    statement that waited for the lock still sees tickets as they were when it began, but a
    ticket another counter took meanwhile fails its probe's re-check under the row lock, and
    a second current ticket for the window is refused by ux_tickets_window_current.
    """
    stmt = _FAST_CALL.get(ranks)
    if stmt is not None:
        return stmt
    now = _action_now()
    win = _action_window(W.c.paused.is_(False))
    cutoff = now - func.make_interval(0, 0, 0, 0, 0, bindparam("sla_minutes", type_=Integer))
    chosen = next_ticket_id(
        ranks, lock=True, window_id=select(win.c.id).scalar_subquery(), cutoff=cutoff
    ).cte("chosen")
    busy = (
        select(CT.c.id)
        .where(CT.c.window_id == select(win.c.id).scalar_subquery(), _IS_CURRENT)
        .exists()
    )
    staff_id = func.coalesce(bindparam("staff_id", type_=Integer), win.c.staff_id)
    called = (
        update(T)
        .where(T.c.id == chosen.c.id, ~busy)
        .values(**_call_values(now, win.c.id, staff_id, _seconds(now - T.c.issued_at)))
        .returning(*_RETURNED, win.c.number.label("window_number"))
        .cte("called")
    )
    event = _event_of(
        called, "called", called.c.called_at, label=called.c.label, window=called.c.window_number
    )
    stmt = _FAST_CALL[ranks] = (
        select(
            called.c.id,
            called.c.label,
            called.c.number,
            called.c.day,
            S.c.code,
            S.c.name_zh,
            S.c.name_en,
            called.c.priority,
            called.c.issued_at,
            called.c.recall_count,
            called.c.transfer_count,
            called.c.transfer_note,
            called.c.printed,
            called.c.token,
            called.c.service_id,
            called.c.window_number,
            called.c.called_at,
            ST.c.login.label("staff_login"),
            ST.c.name.label("staff_name"),
        )
        .select_from(
            called.join(S, S.c.id == called.c.service_id).outerjoin(
                ST, ST.c.id == called.c.staff_id
            )
        )
        .add_cte(event)
    )
    return stmt


def _fast_finish() -> Any:
    now = _action_now()
    win = _action_window()
    began = func.coalesce(T.c.started_at, T.c.called_at, now)
    done = (
        update(T)
        .where(
            # The window's id also as a value, so its current ticket is sought in
            # ux_tickets_window_current rather than every window's current ticket read.
            T.c.window_id == select(win.c.id).scalar_subquery(),
            T.c.window_id == win.c.id,
            status_is(T.c.status, *CURRENT_STATUSES),
        )
        .values(
            status="done",
            finished_at=now,
            outcome=bindparam("outcome"),
            handling_s=func.greatest(0, _seconds(now - began)),
        )
        .returning(*_RETURNED, T.c.started_at, T.c.finished_at, win.c.number.label("window_number"))
        .cte("done")
    )
    event = _event_of(
        done,
        "finished",
        done.c.finished_at,
        label=done.c.label,
        window=done.c.window_number,
        outcome=done.c.outcome,
    )
    return (
        select(
            done.c.window_number.label("number"),
            done.c.finished_at,
            *current_columns(done, S, ST),
        )
        .select_from(
            done.join(S, S.c.id == done.c.service_id).outerjoin(ST, ST.c.id == done.c.staff_id)
        )
        .add_cte(event)
    )


# finish in one statement (PostgreSQL): the window's current ticket done, its event logged.
# No row: the engine runs the action the long way (nothing to finish, closed window, new day).
FAST_FINISH = _fast_finish()


# -- SQLite: call and finish as one UPDATE each (with the event row, one transaction)
#
# SQLite has one writer at a time: a counter's action holds the database's write lock from
# BEGIN IMMEDIATE to COMMIT, and every statement and every line of Python in between keeps
# the other counters waiting. These statements check, choose and write in one UPDATE, so an
# action's transaction is that UPDATE and its event's INSERT.


def _sqlite_seconds(later: Any, earlier: Any) -> Any:
    """Seconds from `earlier` to `later`, SQLite timestamps as SQLAlchemy writes them
    ('YYYY-MM-DD HH:MM:SS.ffffff'), to the microsecond as Python counts them (julianday()
    rounds to the millisecond): whole seconds from strftime, plus the fractions' difference."""

    def whole(value: Any) -> Any:
        return cast(func.strftime("%s", func.substr(value, 1, 19)), Integer)

    def fraction(value: Any) -> Any:
        return cast(func.substr(value, 20), Float)

    return (whole(later) - whole(earlier)) + (fraction(later) - fraction(earlier))


def _sqlite_open_window(*conditions: Any) -> Any:
    """The window `window_id` is this hall's window `number` and is open (and `conditions`)."""
    return (
        select(W.c.id)
        .where(
            W.c.id == bindparam("window_id"),
            W.c.hall_id == bindparam("hall_id"),
            W.c.number == bindparam("number"),
            W.c.active.is_(True),
            *conditions,
        )
        .exists()
    )


def _named(column: Any, ticket_column: Any, label: str) -> Any:
    """A service's or staff member's `column` for the updated ticket, by its id. (SQLite's
    RETURNING is written unqualified: `WHERE id = service_id`, where `id` is the inner table's
    and `service_id`/`staff_id`, which services and staff lack, the ticket's.)"""
    table = column.table
    return select(column).where(table.c.id == ticket_column).scalar_subquery().label(label)


_SQLITE_CALL: dict[int, Any] = {}


def sqlite_call_next(ranks: int) -> Any:
    """call_next as one UPDATE (SQLite): the ticket the calling order (`next_ticket_id`)
    chooses for window `window_id`, called there, unless the window is closed, paused or
    busy; returns the call's row (as `fast_call_next`). No row: the engine runs the action
    the long way, which says what is wrong. Bound: `hall_id`, `number`, `window_id`, `day`,
    `now`, `cutoff`, `staff_id` (None: the window's clerk), `rank_0` …"""
    stmt = _SQLITE_CALL.get(ranks)
    if stmt is not None:
        return stmt
    window_id = bindparam("window_id", type_=Integer)
    chosen = next_ticket_id(
        ranks, lock=False, window_id=window_id, cutoff=_at("cutoff")
    ).scalar_subquery()
    busy = select(CT.c.id).where(CT.c.window_id == window_id, _IS_CURRENT).exists()
    clerk = select(W.c.staff_id).where(W.c.id == window_id).scalar_subquery()
    staff_id = func.coalesce(bindparam("staff_id", type_=Integer), clerk)
    now = _at("now")
    stmt = _SQLITE_CALL[ranks] = (
        update(T)
        .where(T.c.id == chosen, _sqlite_open_window(W.c.paused.is_(False)), ~busy)
        .values(**_call_values(now, window_id, staff_id, _sqlite_seconds(now, T.c.issued_at)))
        .returning(
            T.c.id,
            T.c.label,
            T.c.number,
            T.c.day,
            _named(S.c.code, T.c.service_id, "code"),
            _named(S.c.name_zh, T.c.service_id, "name_zh"),
            _named(S.c.name_en, T.c.service_id, "name_en"),
            T.c.priority,
            T.c.issued_at,
            T.c.recall_count,
            T.c.transfer_count,
            T.c.transfer_note,
            T.c.printed,
            T.c.token,
            T.c.service_id,
            T.c.staff_id,
            _named(ST.c.login, T.c.staff_id, "staff_login"),
            _named(ST.c.name, T.c.staff_id, "staff_name"),
        )
    )
    return stmt


def _sqlite_finish() -> Any:
    now = _at("now")
    began = func.coalesce(T.c.started_at, T.c.called_at, now)
    return (
        update(T)
        .where(
            T.c.window_id == bindparam("window_id", type_=Integer),
            # Written out, as in _IS_CURRENT: the window's current ticket is then sought in
            # the partial index ux_tickets_window_current.
            status_is(T.c.status, *CURRENT_STATUSES),
            _sqlite_open_window(),
        )
        .values(
            status="done",
            finished_at=now,
            outcome=bindparam("outcome"),
            handling_s=func.max(0.0, _sqlite_seconds(now, began)),
        )
        .returning(
            bindparam("number", type_=Integer).label("number"),
            T.c.finished_at,
            T.c.id.label("t_id"),
            T.c.label.label("t_label"),
            T.c.number.label("t_number"),
            T.c.day.label("t_day"),
            _named(S.c.code, T.c.service_id, "t_service_code"),
            _named(S.c.name_zh, T.c.service_id, "t_service_name_zh"),
            _named(S.c.name_en, T.c.service_id, "t_service_name_en"),
            T.c.priority.label("t_priority"),
            T.c.status.label("t_status"),
            _named(ST.c.login, T.c.staff_id, "t_staff_login"),
            _named(ST.c.name, T.c.staff_id, "t_staff_name"),
            T.c.issued_at.label("t_issued_at"),
            T.c.called_at.label("t_called_at"),
            T.c.started_at.label("t_started_at"),
            T.c.recall_count.label("t_recall_count"),
            T.c.transfer_count.label("t_transfer_count"),
            T.c.transfer_note.label("t_transfer_note"),
            T.c.printed.label("t_printed"),
            T.c.token.label("t_token"),
            T.c.service_id.label("t_service_id"),
            T.c.staff_id.label("t_staff_id"),
        )
    )


# finish as one UPDATE (SQLite): window `window_id`'s current ticket done; returns it as
# `_Current` reads it, with `finished_at`. No row: the engine runs the action the long way.
SQLITE_FINISH = _sqlite_finish()


def _sqlite_event(kind: str, *conditions: Any, **details: Any) -> Any:
    """The event of a one-UPDATE action, written by the database from window `window_id`'s
    current ticket (under the same write lock, so it needs no value read back first: the
    whole transaction is bound before it begins)."""
    pairs = [part for key, value in details.items() for part in (literal(key), value)]
    current = status_is(T.c.status, *CURRENT_STATUSES)
    return insert(E).from_select(
        ["hall_id", "at", "kind", "ticket_id", "window_id", "staff_id", "service_id", "details"],
        select(
            T.c.hall_id,
            _at("now"),
            literal(kind),
            T.c.id,
            T.c.window_id,
            T.c.staff_id,
            T.c.service_id,
            func.json_object(*pairs),
        ).where(T.c.window_id == bindparam("window_id", type_=Integer), current, *conditions),
    )


_LABEL_AND_WINDOW = {"label": T.c.label, "window": bindparam("number", type_=Integer)}
# After sqlite_call_next: the ticket it called, now the window's only current ticket (none if
# the UPDATE changed no row).
SQLITE_CALLED_EVENT = _sqlite_event("called", func.changes() == 1, **_LABEL_AND_WINDOW)
# Before SQLITE_FINISH, on the same conditions: the ticket it is about to finish.
SQLITE_FINISHED_EVENT = _sqlite_event(
    "finished",
    _sqlite_open_window(),
    **_LABEL_AND_WINDOW,
    outcome=bindparam("outcome", type_=String),
)
