"""``python -m mfs_core.cli``."""

import sys

from mfs_core.cli import main

sys.exit(main())
