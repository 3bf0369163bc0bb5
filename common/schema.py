"""Creating, upgrading and checking the schema with Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from common.db import Database
from common.errors import DatabaseUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database) -> None:
    """Create the schema or bring it to the newest revision."""
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def check(db: Database) -> None:
    """Raise DatabaseUnavailable unless the schema is at the newest revision (app start)."""
    try:
        current = current_revision(db)
    except Exception as e:  # noqa: BLE001 — any driver failure here means "cannot use it"
        from common.db import describe_db_error

        raise DatabaseUnavailable(describe_db_error(e), code="db_unavailable") from e
    if current is None:
        raise DatabaseUnavailable(
            "数据库尚未初始化，请运行 hallq init / the database has no hallq schema: run `hallq init`",
            code="no_schema",
        )
    if current != head_revision():
        raise DatabaseUnavailable(
            f"数据库结构版本过旧，请运行 hallq init 升级 / schema {current} is not the newest "
            f"({head_revision()}): run `hallq init`",
            code="old_schema",
        )
