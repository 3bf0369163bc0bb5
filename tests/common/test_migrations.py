"""A hall's database upgraded in place keeps its day: the tickets waiting, at a window or parked
before revision 0004 (the queue's indexes made partial) are found and served after it, and the
revision can be taken back. (Every PostgreSQL test database is built by the same migrations.)"""

from __future__ import annotations

from alembic import command

from common import hall, schema
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from tests.conftest import START


def _migrate(db: Database, revision: str, *, down: bool = False) -> None:
    cfg = schema.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _indexes(db: Database) -> set[str]:
    from sqlalchemy import inspect

    return {i["name"] for i in inspect(db.engine).get_indexes("tickets")}


def test_a_day_in_progress_survives_the_upgrade_to_partial_indexes(tmp_path):
    db = Database(f"sqlite:///{tmp_path}/old.db")
    _migrate(db, "0003")
    assert "ix_tickets_window_status" in _indexes(db)
    db.transaction(lambda s: hall.seed_demo(s, "main"))
    clock = ManualClock(START)
    engine = QueueEngine(db, "main", clock=clock)
    first, second, third = (engine.issue("A").ticket.label for _ in range(3))
    assert engine.call_next(1).label == first
    engine.park(1)
    assert engine.call_next(1).label == second

    _migrate(db, "head")
    assert "ix_tickets_window_status" not in _indexes(db)
    assert "ix_tickets_parked" in _indexes(db)
    schema.check(db)
    engine = QueueEngine(db, "main", clock=clock)
    assert engine.window_state(1).current is not None
    assert engine.window_state(1).current.label == second
    assert [t.label for t in engine.waiting()] == [third]
    assert engine.services()[0].waiting == 1
    engine.finish(1)
    assert engine.resume(1).label == first
    engine.finish(1)
    assert engine.call_next(1).label == third

    _migrate(db, "0003", down=True)
    assert "ix_tickets_window_status" in _indexes(db)
    assert "ix_tickets_parked" not in _indexes(db)
    _migrate(db, "head")
    assert schema.current_revision(db) == schema.head_revision()
    db.dispose()
