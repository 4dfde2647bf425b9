"""Errors the library raises. The CLI turns each into one line on stderr and an exit code."""


class NLCleanerError(Exception):
    """Base class: every error nlcleaner raises on purpose."""


class PackError(NLCleanerError):
    """A rule pack that cannot be used; the message names the file, the rule and the key."""

    def __init__(self, path: str, message: str, rule: str | None = None, key: str | None = None):
        self.path, self.rule, self.key, self.detail = path, rule, key, message
        where = str(path)
        if rule:
            where += f": rule '{rule}'"
        if key:
            where += f": key '{key}'"
        super().__init__(f"{where}: {message}")


class InputError(NLCleanerError):
    """Input that is not text nlcleaner can clean (binary, UTF-16/32)."""


class ConfigError(NLCleanerError):
    """A setting or configuration file that cannot be used."""
