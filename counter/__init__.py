"""柜台 — the clerk's console, the supervisor's live hall, management and reports."""
