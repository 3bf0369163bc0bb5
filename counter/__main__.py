"""`python -m counter`: the same as `hallq counter`."""

import sys

from common.cli import main

if __name__ == "__main__":
    sys.exit(main(["counter", *sys.argv[1:]]))
