"""`python -m display`: the same as `hallq display`."""

import sys

from common.cli import main

if __name__ == "__main__":
    sys.exit(main(["display", *sys.argv[1:]]))
