"""The `hallq` command.

Exit codes: 0 done; 2 bad input or usage (one clear line on stderr, nothing written); 3 nothing
to do (e.g. empty queue); 4 refused by a hall rule (closed, daily limit, paused, already rated).
No traceback ever reaches the terminal: unexpected failures are logged to a file and reported
in one line.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from common import __version__
from common.config import PRIORITY_KINDS, PcConfig, load_pc_config
from common.errors import HallqError

log = logging.getLogger("hallq")

# Commands implemented by the apps: (name, module with add_arguments/run, help).
APP_COMMANDS = [
    ("kiosk", "kiosk.cli", "取号机 / the customer kiosk (tickets, ratings, complaints)"),
    ("counter", "counter.cli", "柜台叫号 / the clerk's console and the supervisor's views"),
    ("display", "display.cli", "综合显示屏 / the wall board with voice announcements"),
    ("reprint", "kiosk.reprint", "补打小票 / print a ticket again"),
    (
        "report",
        "common.report_command",
        "统计报表 / reports: volumes, waits, satisfaction, 标兵窗口",
    ),
    ("demo", "common.demo", "演示 / the whole demo hall in one command"),
]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return value


def day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes."""
    parser.add_argument(
        "--db", metavar="URL", help="database URL (sqlite:///PATH or postgresql://…)"
    )
    parser.add_argument("--config", metavar="PATH", help="this PC's config file (hallq.toml)")
    parser.add_argument("--hall", metavar="CODE", help="hall code (default from config: main)")


def pc_config(args: argparse.Namespace) -> PcConfig:
    config = load_pc_config(db=getattr(args, "db", None), config_path=getattr(args, "config", None))
    return config.with_overrides(hall=getattr(args, "hall", None))


def open_engine(args: argparse.Namespace, *, check_schema: bool = True) -> Any:
    from common import schema
    from common.db import Database
    from common.engine import QueueEngine

    config = pc_config(args)
    db = Database(config.db_url)
    if check_schema:
        schema.check(db)
    return QueueEngine(db, config.hall)


# ---------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from common import hall, schema
    from common.db import Database

    config = pc_config(args)
    db = Database(config.db_url)
    schema.upgrade(db)
    if args.demo:
        db.transaction(lambda s: hall.seed_demo(s, config.hall))
    else:
        db.transaction(lambda s: hall.ensure_hall(s, config.hall))
    print(f"数据库已就绪 / database ready: {db.safe_url()} (hall {config.hall})", file=sys.stderr)
    return 0


def _ticket_dict(t: Any) -> dict[str, Any]:
    return {
        "number": t.label,
        "service": t.service_code,
        "priority": t.priority,
        "status": t.status,
        "window": t.window,
        "staff": t.staff_login,
        "issued_at": t.issued_at,
        "called_at": t.called_at,
        "started_at": t.started_at,
        "finished_at": t.finished_at,
        "recall_count": t.recall_count,
    }


def cmd_issue(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    result = engine.issue(args.service, args.priority)
    if args.json:
        print_json(
            {
                **_ticket_dict(result.ticket),
                "ahead": result.ahead,
                "expected_wait_min": result.expected_wait_min,
                "token": result.ticket.token,
                "check_code": result.check_code,
                "qr": result.qr_payload,
            }
        )
    else:
        print(
            f"{result.ticket.label}  {result.ticket.service_name_zh}  前面 {result.ahead} 人  "
            f"预计等候 {result.expected_wait_min:g} 分钟"
        )
    return 0


def _print_ticket(args: argparse.Namespace, ticket: Any, verb: str) -> int:
    if args.json:
        print_json(_ticket_dict(ticket))
    else:
        where = f" → {ticket.window} 号窗口" if ticket.window else ""
        print(f"{verb} {ticket.label}{where} ({ticket.status})")
    return 0


def cmd_call(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    if args.number:
        ticket = engine.call_specific(args.window, args.number, staff=args.staff)
    else:
        ticket = engine.call_next(args.window, staff=args.staff)
    return _print_ticket(args, ticket, "呼叫 / called")


def _window_action(method: str, verb: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        engine = open_engine(args)
        kwargs: dict[str, Any] = {}
        if method == "finish":
            kwargs["outcome"] = args.outcome
        if method == "resume" and args.number:
            kwargs["label"] = args.number
        result = getattr(engine, method)(args.window, **kwargs)
        return _print_ticket(args, result, verb)

    return run


def cmd_pause(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    state = engine.pause(args.window, args.reason)
    if args.json:
        print_json({"window": state.number, "paused": state.paused, "reason": state.pause_reason})
    else:
        print(f"{state.number} 号窗口已暂停 / window {state.number} paused")
    return 0


def cmd_unpause(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    state = engine.unpause(args.window)
    if args.json:
        print_json({"window": state.number, "paused": state.paused})
    else:
        print(f"{state.number} 号窗口恢复服务 / window {state.number} open again")
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    ticket = engine.transfer(args.window, args.to, args.to_window, args.note)
    return _print_ticket(args, ticket, "转移 / transferred")


def cmd_cancel(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    return _print_ticket(args, engine.cancel(args.number, args.reason), "取消 / cancelled")


def cmd_reactivate(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    return _print_ticket(args, engine.reactivate(args.number), "重排 / back in the queue")


def cmd_rate(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    reasons = [r for r in (args.reasons or "").split(",") if r]
    result = engine.rate(
        args.token, args.score, reasons, args.comment, args.phone, label=args.number, code=args.code
    )
    if args.json:
        print_json(result)
    else:
        print(f"已评价 / rated {result.ticket_label}: {result.score}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from common import status

    engine = open_engine(args)
    report = status.hall_status(engine)
    if args.json:
        print_json(report)
    else:
        print(status.format_status(report))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from common import export

    engine = open_engine(args)
    rows = export.rows(engine, args.what, args.day)
    out = export.render(rows, args.what, args.format)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from common import simulate

    config = pc_config(args)
    result = simulate.run(
        config.db_url,
        hall=config.hall,
        windows=args.windows,
        hours=args.hours,
        arrivals_per_hour=args.arrivals_per_hour,
        service_minutes=args.service_minutes,
        no_show_rate=args.no_show_rate,
        rating_rate=args.rating_rate,
        start=args.start,
        seed=args.seed,
    )
    if args.json:
        print_json(result)
    else:
        print(simulate.format_result(result))
    return 0 if result["violations"] == 0 else 1


def cmd_bench(args: argparse.Namespace) -> int:
    from common import bench

    results = bench.run(pg_url=args.pg, quick=args.quick, only=args.only)
    if args.json:
        print_json(results)
    else:
        print(bench.format_results(results))
    return 0


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hallq",
        description="hallq — 供电营业厅排队叫号系统 / queue system for power-supply service halls",
    )
    parser.add_argument("--version", action="version", version=f"hallq {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, help_text: str, fn: Callable[[argparse.Namespace], int], json_output: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_common(p)
        if json_output:
            p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=fn)
        return p

    p = command("init", "创建或升级数据库 / create or upgrade the schema", cmd_init, False)
    p.add_argument(
        "--demo", action="store_true", help="seed the demo hall (services A–E, windows 1–6)"
    )

    p = command("issue", "取号 / issue a ticket", cmd_issue)
    p.add_argument("service", help="service code, e.g. A")
    p.add_argument("--priority", default="none", choices=("none", *PRIORITY_KINDS))

    p = command("call", "叫号 / call the next customer (or --number)", cmd_call)
    p.add_argument("--window", type=positive_int, required=True)
    p.add_argument("--staff", metavar="LOGIN")
    p.add_argument("--number", metavar="A012", help="call this waiting number instead")

    for name, method, verb, help_text in [
        ("recall", "recall", "重呼 / recalled", "重呼 / call the current customer again"),
        ("start", "start", "开始办理 / started", "开始办理 / the customer has arrived"),
        ("finish", "finish", "办结 / finished", "办结 / finish the current customer"),
        ("no-show", "no_show", "过号 / no-show", "过号 / the called customer did not come"),
        ("park", "park", "挂起 / parked", "挂起 / set the current customer aside"),
        ("resume", "resume", "回呼 / resumed", "回呼 / call a parked customer back"),
    ]:
        p = command(name, help_text, _window_action(method, verb))
        p.add_argument("--window", type=positive_int, required=True)
        if name == "finish":
            p.add_argument("--outcome", default="done", help="outcome code (default: done)")
        if name == "resume":
            p.add_argument("--number", metavar="A012", help="which parked ticket")

    p = command("pause", "暂停服务 / pause a window", cmd_pause)
    p.add_argument("--window", type=positive_int, required=True)
    p.add_argument("--reason", default="")
    p = command("unpause", "恢复服务 / open a paused window again", cmd_unpause)
    p.add_argument("--window", type=positive_int, required=True)

    p = command(
        "transfer", "转移 / send the current customer to another service or window", cmd_transfer
    )
    p.add_argument("--window", type=positive_int, required=True)
    p.add_argument("--to", metavar="SERVICE", help="service code")
    p.add_argument("--to-window", type=positive_int, metavar="N")
    p.add_argument("--note", default="")

    p = command("cancel", "取消 / cancel today's ticket", cmd_cancel)
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", default="")

    p = command("reactivate", "过号重排 / put a no-show back in the queue", cmd_reactivate)
    p.add_argument("number", metavar="NUMBER")

    p = command("rate", "评价 / rate a finished ticket (token, or --number with --code)", cmd_rate)
    p.add_argument("token", nargs="?", help="the token from the ticket's QR code")
    p.add_argument("--number", metavar="A012")
    p.add_argument("--code", metavar="CHECK", help="six-digit check code from the ticket")
    p.add_argument("--score", type=int, required=True, choices=range(1, 6), metavar="1-5")
    p.add_argument("--reasons", default="", help="comma-separated reasons")
    p.add_argument("--comment", default="")
    p.add_argument("--phone", default="")

    command("status", "大厅状态 / windows, waiting per service, alerts", cmd_status)

    p = command("export", "导出 / export tickets or ratings of a day", cmd_export, False)
    p.add_argument("what", choices=("tickets", "ratings"))
    p.add_argument(
        "--day", type=day_arg, help="YYYY-MM-DD (default: the hall's current service day)"
    )
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("-o", "--output", metavar="PATH")

    p = command("simulate", "模拟 / simulate a day on a virtual clock", cmd_simulate)
    p.add_argument("--windows", type=positive_int, required=True)
    p.add_argument("--hours", type=float, required=True)
    p.add_argument("--arrivals-per-hour", type=float, required=True)
    p.add_argument("--service-minutes", type=float, required=True)
    p.add_argument("--no-show-rate", type=float, default=0.0)
    p.add_argument("--rating-rate", type=float, default=0.0)
    p.add_argument("--start", type=datetime.fromisoformat, help="YYYY-MM-DDTHH:MM (hall time)")
    p.add_argument("--seed", type=int, required=True)

    p = command("bench", "基准测试 / measure dispatch, feed and issue speed", cmd_bench)
    p.add_argument("--pg", metavar="URL", help="also measure on this PostgreSQL")
    p.add_argument("--quick", action="store_true", help="shorter runs")
    p.add_argument("--only", action="append", help="only these benchmarks (repeatable)")

    for name, module, help_text in APP_COMMANDS:
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_common(p)
        p.set_defaults(func=_delegate(module))
        importlib.import_module(module).add_arguments(p)
    return parser


def _delegate(module: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        return int(importlib.import_module(module).run(args))

    return run


def setup_logging(verbose: bool) -> None:
    from common.config import data_dir

    handlers: list[logging.Handler] = []
    try:
        log_dir = data_dir() / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_dir / "hallq.log", encoding="utf-8"))
    except OSError:
        pass
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.ERROR + 10)
    handlers.append(stderr)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(process)d %(name)s %(levelname)s %(message)s",
        handlers=handlers,
        force=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    try:
        return int(args.func(args))
    except HallqError as e:
        print(f"hallq: {e.message}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 — the last line of defence: no traceback on screen
        log.exception("unexpected failure in `hallq %s`", args.command)
        print(f"hallq: 内部错误 / internal error: {e} (details in the log)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
