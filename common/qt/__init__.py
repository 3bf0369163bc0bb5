"""Qt pieces shared by the kiosk, counter and display apps (the only Qt under common/)."""
