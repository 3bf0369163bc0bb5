"""`hallq status`: windows with their current tickets, waiting per service, and alerts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from common import devices
from common.engine import QueueEngine


@dataclass(frozen=True)
class Alert:
    kind: str  # sla | paused | device | complaint
    severity: str  # warning | fault
    message: str


def alerts(engine: QueueEngine) -> list[Alert]:
    """What staff should look at now: SLA breaches, long pauses, device faults, open complaints."""
    now = engine.now()
    settings = engine.settings
    out: list[Alert] = []
    for svc in engine.services():
        if svc.waiting and svc.longest_wait_min > settings.sla_minutes:
            out.append(
                Alert(
                    "sla",
                    "fault",
                    f"{svc.code} {svc.name_zh}：最长已等 {svc.longest_wait_min:.0f} 分钟，超过限时 "
                    f"{settings.sla_minutes} 分钟 / {svc.code}: longest wait "
                    f"{svc.longest_wait_min:.0f} min, past the {settings.sla_minutes} min SLA",
                )
            )
    for win in engine.windows():
        if win.paused and win.paused_at is not None:
            minutes = (now - win.paused_at).total_seconds() / 60
            if minutes >= settings.pause_alert_minutes:
                out.append(
                    Alert(
                        "paused",
                        "warning",
                        f"{win.number} 号窗口已暂停 {minutes:.0f} 分钟（{win.pause_reason or '未注明原因'}）"
                        f" / window {win.number} paused for {minutes:.0f} min",
                    )
                )
    for dev in devices.states(engine):
        if dev.status != "ok":
            out.append(Alert("device", dev.status, f"{dev.kind} @ {dev.name}: {dev.message}"))
    open_items = engine.open_feedback("open")
    if open_items:
        out.append(
            Alert("complaint", "warning", f"{len(open_items)} 条投诉建议待答复 / open complaints")
        )
    return out


def hall_status(engine: QueueEngine) -> dict[str, Any]:
    windows = engine.windows()
    return {
        "hall": engine.settings.name,
        "day": engine.service_day(engine.now()).isoformat(),
        "windows": [
            {
                "window": w.number,
                "state": w.state,
                "staff": w.staff_login,
                "current": w.current.label if w.current else None,
                "current_status": w.current.status if w.current else None,
                "paused_reason": w.pause_reason if w.paused else None,
                "parked": [t.label for t in w.parked],
            }
            for w in windows
        ],
        "services": [
            {
                "service": s.code,
                "name": s.name_zh,
                "waiting": s.waiting,
                "longest_wait_min": s.longest_wait_min,
                "expected_wait_min": s.expected_wait_min,
                "issued_today": s.issued_today,
                "open": s.open_now,
            }
            for s in engine.services(include_inactive=True)
        ],
        "alerts": [
            {"kind": a.kind, "severity": a.severity, "message": a.message} for a in alerts(engine)
        ],
    }


STATE_ZH = {
    "idle": "空闲",
    "calling": "叫号中",
    "serving": "办理中",
    "paused": "暂停",
    "closed": "停用",
}


def format_status(report: dict[str, Any]) -> str:
    lines = [f"{report['hall']}  {report['day']}", "", "窗口 / windows:"]
    for w in report["windows"]:
        current = w["current"] or "—"
        lines.append(
            f"  {w['window']:>2} 号  {STATE_ZH.get(w['state'], w['state']):<4} {current:<6} "
            f"{w['staff'] or ''}"
        )
    lines += ["", "等候 / waiting:"]
    for s in report["services"]:
        lines.append(
            f"  {s['service']:<3} {s['name']:<8} 等候 {s['waiting']:>3} 人  最长 {s['longest_wait_min']:>5.1f} 分钟"
            f"  今日 {s['issued_today']}"
        )
    lines += ["", "提醒 / alerts:"]
    lines += [f"  [{a['severity']}] {a['message']}" for a in report["alerts"]] or ["  —"]
    return "\n".join(lines)
