"""`python -m kiosk`: the same as `hallq kiosk`."""

import sys

from common.cli import main

if __name__ == "__main__":
    sys.exit(main(["kiosk", *sys.argv[1:]]))
