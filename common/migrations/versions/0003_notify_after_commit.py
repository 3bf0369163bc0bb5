"""the change feed's wake-up may come after COMMIT

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00

PostgreSQL holds one database-wide lock from the COMMIT of a transaction that called
`pg_notify` until its commit record is on disk, so writers whose transactions notify commit
one at a time. A transaction that sets `hallq.notify = 'after_commit'` (the queue engine's
busiest actions, see common/sql.py) wakes the listeners itself after its COMMIT; the trigger
keeps waking them for every other writer.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The condition is the trigger's WHEN: for such a transaction's rows no trigger call is even
# queued.
WAKE_UNLESS_DEFERRED = """
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW
WHEN (current_setting('hallq.notify', true) IS DISTINCT FROM 'after_commit')
EXECUTE FUNCTION hallq_notify_event()
"""

ALWAYS_WAKE = """
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW
EXECUTE FUNCTION hallq_notify_event()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
        op.execute(WAKE_UNLESS_DEFERRED)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
        op.execute(ALWAYS_WAKE)
