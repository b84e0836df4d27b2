"""Entry point of the packaged application."""

import sys

from entraide_desktop.__main__ import main

sys.exit(main())
