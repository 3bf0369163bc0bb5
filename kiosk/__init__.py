"""取号机 — the customer kiosk: tickets, priority lane, printed tickets, ratings, complaints."""
