#!/usr/bin/env python
"""Django's command-line utility for the Yichuang project."""

import os
import sys
from pathlib import Path


def main() -> None:
    # site/ holds the Django project; its packages are imported by their own names
    # because "site" itself is a standard-library module.
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
