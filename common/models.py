"""The database schema (SQLAlchemy 2 typed declarative).

Every table carries `hall_id`, so one PostgreSQL server can serve many halls. Timestamps are
stored in UTC (`UTCDateTime`); the service `day` of a ticket is the hall's local date.
Waiting and handling seconds are written onto the ticket when they become known, so reports
over years of history aggregate plain numbers instead of date arithmetic.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    literal_column,
    or_,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

# SQLite only autoincrements INTEGER PRIMARY KEY, so BigInteger ids fall back to Integer there.
BigId = BigInteger().with_variant(Integer(), "sqlite")

TICKET_STATUSES = (
    "waiting",
    "called",
    "serving",
    "parked",
    "done",
    "no_show",
    "cancelled",
    "expired",
)
OPEN_STATUSES = ("waiting", "called", "serving", "parked")
CURRENT_STATUSES = ("called", "serving")
FINAL_STATUSES = ("done", "no_show", "cancelled", "expired")
# The conditions of the partial indexes on tickets, as SQL (see Ticket).
WAITING_ONLY = "status = 'waiting'"
PARKED_ONLY = "status = 'parked'"
CURRENT_ONLY = "status IN ('called', 'serving')"


def status_is(column: Any, *statuses: str) -> ColumnElement[bool]:
    """`column = 'x'` or `column IN ('x', 'y')`, the values written into the SQL.

    A partial index on tickets (`WAITING_ONLY`, `CURRENT_ONLY`, `PARKED_ONLY`) is used only
    for a condition written as its own: SQLite cannot tell that a bound `status = ?` means
    `'waiting'`, nor can PostgreSQL's generic plan of a prepared statement.
    """
    for status in statuses:
        if status not in TICKET_STATUSES:
            raise ValueError(f"not a ticket status: {status!r}")
    values: list[ColumnElement[Any]] = [literal_column(f"'{s}'") for s in statuses]
    return column == values[0] if len(values) == 1 else column.in_(values)


def held_at_window(column: Any) -> ColumnElement[bool]:
    """The ticket is at its window: called, being served, or parked there. Written as two
    conditions, each its partial index's (ux_tickets_window_current, ix_tickets_parked)."""
    return or_(status_is(column, *CURRENT_STATUSES), status_is(column, "parked"))


PRIORITIES = ("none", "elderly", "disabled", "military", "pregnant", "vip", "appointment")
ROLES = ("clerk", "supervisor", "admin")
NOTICE_KINDS = ("outage", "tariff", "commitment", "general")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC; SQLite gets naive UTC text, PostgreSQL timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Hall(Base):
    __tablename__ = "halls"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime]
    # The last service day whose leftovers were expired; see engine.close_day.
    closed_through: Mapped[date | None] = mapped_column(Date)


class HallSetting(Base):
    __tablename__ = "hall_settings"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(80), default="")
    prefix: Mapped[str] = mapped_column(String(4))
    number_width: Mapped[int] = mapped_column(Integer, default=3)
    daily_limit: Mapped[int | None] = mapped_column(Integer)
    # {"0": [["08:30", "17:30"]], …} keyed by ISO weekday-1 (0 = Monday); None = always open.
    opening_hours: Mapped[dict[str, Any] | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Window(Base):
    __tablename__ = "windows"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    pause_reason: Mapped[str] = mapped_column(String(200), default="")
    paused_at: Mapped[datetime | None]
    # Who is logged in at this window (one clerk per window at a time).
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    login_at: Mapped[datetime | None]


class WindowService(Base):
    __tablename__ = "window_services"

    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    # 0 = primary; larger = secondary (called only when no primary ticket waits).
    rank: Mapped[int] = mapped_column(Integer, default=0)


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("hall_id", "login"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    login: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20), default="clerk")
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        # Gap-free numbering is per the service the ticket was issued for.
        UniqueConstraint("hall_id", "day", "issue_service_id", "number"),
        # The queue's indexes hold waiting tickets only: a call takes a ticket out of each
        # (one page apiece) and a finish touches none of them, where indexes of every status
        # moved the ticket's entry at both and grew with the whole history. Queries name the
        # status as a literal, `status = 'waiting'` (`WAITING_ONLY`), so that SQLite and a
        # PostgreSQL generic plan may use them. They keep the status among their columns, a
        # constant here, so that the planner, without statistics, counts it as matched and
        # prefers them to ix_tickets_report, which starts with the same columns.
        # The queue in calling order, id last as in ORDER BY: "the oldest" is the first entry.
        Index(
            "ix_tickets_queue",
            "hall_id",
            "day",
            "status",
            "queue_at",
            "id",
            sqlite_where=text(WAITING_ONLY),
            postgresql_where=text(WAITING_ONLY),
        ),
        # Waiting tickets per service: priority probes of call_next, "people ahead" counts and
        # the waiting count and longest wait per service read only this index.
        Index(
            "ix_tickets_waiting",
            "hall_id",
            "day",
            "status",
            "service_id",
            "priority",
            "queue_at",
            "target_window_id",
            "issued_at",
            sqlite_where=text(WAITING_ONLY),
            postgresql_where=text(WAITING_ONLY),
        ),
        Index(
            "ix_tickets_target",
            "hall_id",
            "day",
            "status",
            "target_window_id",
            "queue_at",
            sqlite_where=text(WAITING_ONLY),
            postgresql_where=text(WAITING_ONLY),
        ),
        # Tickets parked at a window (few, and untouched by a call or a finish).
        Index(
            "ix_tickets_parked",
            "window_id",
            sqlite_where=text(PARKED_ONLY),
            postgresql_where=text(PARKED_ONLY),
        ),
        # Covers the reports: a month is read from this index alone, grouped as it is read, and
        # each group in issue order.
        Index(
            "ix_tickets_report",
            "hall_id",
            "day",
            "service_id",
            "window_id",
            "staff_id",
            "issue_service_id",
            "issued_at",
            "status",
            "transfer_count",
            "wait_s",
            "handling_s",
            "finished_at",
        ),
        # A window holds at most one current ticket; the database itself refuses a second.
        Index(
            "ux_tickets_window_current",
            "window_id",
            unique=True,
            sqlite_where=text(CURRENT_ONLY),
            postgresql_where=text(CURRENT_ONLY),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    day: Mapped[date] = mapped_column(Date)
    issue_service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="none")
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Set by a transfer to a given window: only that window may call the ticket.
    target_window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    issued_at: Mapped[datetime]
    # Sort key of the queue: the issue time, except after a no-show is reactivated.
    queue_at: Mapped[datetime]
    called_at: Mapped[datetime | None]
    first_called_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    parked_at: Mapped[datetime | None]
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    transfer_from_service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    transfer_note: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(40), default="")
    printed: Mapped[bool | None] = mapped_column(Boolean)
    token: Mapped[str] = mapped_column(String(120), default="")
    wait_s: Mapped[float | None] = mapped_column(Float)
    handling_s: Mapped[float | None] = mapped_column(Float)


class Event(Base):
    """Append-only log of every state change: the audit trail, the reports' source, the feed."""

    __tablename__ = "events"
    __table_args__ = (
        # The feed reads a hall's events after a cursor. Nothing looks events up by ticket, so
        # no index on ticket_id: each would cost every event a page.
        Index("ix_events_hall_id", "hall_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(30))
    ticket_id: Mapped[int | None] = mapped_column(BigId)
    window_id: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[int | None] = mapped_column(Integer)
    service_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any] | None]


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (
        # Covers the reports' ratings by day, service, window, clerk and score.
        Index(
            "ix_ratings_report", "hall_id", "day", "service_id", "window_id", "staff_id", "score"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(BigId, ForeignKey("tickets.id"), unique=True)
    day: Mapped[date] = mapped_column(Date)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    at: Mapped[datetime]


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (
        Index("ix_feedback_hall_status", "hall_id", "status"),
        Index("ix_feedback_hall_at", "hall_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[datetime]
    category: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    ticket_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tickets.id"))


class Notice(Base):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[datetime | None]
    valid_to: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class DailyCounter(Base):
    """The last number issued per hall, day and service; updated in the issuing transaction."""

    __tablename__ = "daily_counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Device(Base):
    """Health of the hall's devices (kiosk printers, board voice), shown to staff."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("hall_id", "kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12), default="ok")
    message: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
