"""Rules of the code's shape that no single feature test would notice being broken.

* `common/` outside `common/qt/` imports no Qt: the core runs on a server without a display,
  in `hallq` and in tests without Qt installed.
* The Alembic migrations create exactly the schema the models describe.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from common import schema
from common.db import Database
from common.models import Base

ROOT = Path(__file__).resolve().parent.parent
COMMON = ROOT / "common"
QT_PACKAGES = {"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy"}


def core_files() -> list[Path]:
    return sorted(p for p in COMMON.rglob("*.py") if "qt" not in p.relative_to(COMMON).parts[:-1])


def core_modules() -> list[str]:
    names = []
    for path in core_files():
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[1] == "migrations":
            continue  # run by Alembic only, on a connection it is handed
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_the_walk_sees_the_core_and_skips_qt():
    files = {p.relative_to(COMMON).as_posix() for p in core_files()}
    assert {"engine.py", "db.py", "cli.py", "feed.py"} <= files
    assert not any(f.startswith("qt/") for f in files)
    assert (COMMON / "qt" / "feed.py").exists()


def test_imported_roots_finds_every_form_of_import():
    tree = ast.parse(
        "import PySide6.QtCore\nfrom PyQt6 import QtGui\nimportlib.import_module('shiboken6')\n"
        "from . import engine\n"
    )
    assert imported_roots(tree) == {"PySide6", "PyQt6", "shiboken6"}


@pytest.mark.parametrize("path", core_files(), ids=lambda p: p.relative_to(COMMON).as_posix())
def test_core_module_imports_no_qt(path):
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    assert imported_roots(tree) & QT_PACKAGES == set()


def test_importing_the_whole_core_loads_no_qt():
    modules = core_modules()
    assert "common.engine" in modules and "common.cli" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{sorted(QT_PACKAGES)!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_hallq_command_starts_without_qt():
    code = (
        "import sys\n"
        "from common import cli\n"
        "cli.build_parser()\n"
        "print(any(m.split('.')[0] == 'PySide6' for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr


# ---------------------------------------------------------------------------- migrations


def schema_differences(db: Database) -> list:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def test_migrations_match_the_models_on_sqlite(tmp_path):
    db = Database(f"sqlite:///{tmp_path}/migrated.db")
    schema.upgrade(db)
    schema.check(db)
    assert schema_differences(db) == []
    db.dispose()


@pytest.mark.pg
def test_migrations_match_the_models_on_postgresql(pg_server_url):
    db = Database(pg_server_url)
    schema.check(db)
    assert schema_differences(db) == []
    db.dispose()


def test_upgrading_twice_changes_nothing(tmp_path):
    db = Database(f"sqlite:///{tmp_path}/twice.db")
    schema.upgrade(db)
    schema.upgrade(db)
    assert schema.current_revision(db) == schema.head_revision()
    db.dispose()


def _index_definitions(path: Path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
    return {name: " ".join(sql.split()).replace('"', "") for name, sql in rows}


def test_migrated_indexes_are_the_models_own_with_their_conditions(tmp_path):
    """compare_metadata does not compare a partial index's WHERE: the SQL must agree."""
    migrated = Database(f"sqlite:///{tmp_path}/migrated.db")
    schema.upgrade(migrated)
    migrated.dispose()
    created = Database(f"sqlite:///{tmp_path}/created.db")
    Base.metadata.create_all(created.engine)
    created.dispose()
    ours = _index_definitions(tmp_path / "migrated.db")
    assert ours == _index_definitions(tmp_path / "created.db")
    assert ours["ix_tickets_waiting"].endswith("WHERE status = 'waiting'")
    assert ours["ix_tickets_parked"].endswith("WHERE status = 'parked'")
