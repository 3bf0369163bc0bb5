"""综合显示屏 — the wall board and the voice that calls numbers."""
