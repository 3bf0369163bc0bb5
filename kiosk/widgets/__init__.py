"""Touch widgets of the kiosk: tiles, keypads, faces, the QR code, the big number."""
