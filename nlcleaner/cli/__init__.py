"""The command line: a thin layer over the library. Only this package prints or exits."""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
