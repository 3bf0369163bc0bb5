"""report indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 20:00:00

Indexes that let a month's report read tickets and ratings from an index alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TICKET_REPORT_COLUMNS = [
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
]


def upgrade() -> None:
    op.create_index("ix_tickets_report", "tickets", TICKET_REPORT_COLUMNS, unique=False)
    op.create_index(
        "ix_ratings_report",
        "ratings",
        ["hall_id", "day", "service_id", "window_id", "staff_id", "score"],
        unique=False,
    )
    op.create_index("ix_feedback_hall_at", "feedback", ["hall_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_feedback_hall_at", table_name="feedback")
    op.drop_index("ix_ratings_report", table_name="ratings")
    op.drop_index("ix_tickets_report", table_name="tickets")
