"""The kiosk's screens, one module per thing the customer sees."""
