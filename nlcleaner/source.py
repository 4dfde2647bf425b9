"""Reducing a document's source (a URL, a host, a folder name) to the key that source-scoped rules match."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(value: str) -> str:
    value = value.strip()
    if "://" in value:
        try:
            value = urlsplit(value).hostname or value
        except ValueError:  # a malformed URL ("http://[::1"): its authority part as written, never an error
            value = value.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].strip("[]")
    elif "/" in value and "." in value.split("/", 1)[0]:
        value = value.split("/", 1)[0]
    value = value.lower().rstrip(".")
    if value.startswith("www."):
        value = value[4:]
    return value.split(":", 1)[0]


def source_matches(rule_source: str, doc_source: str | None) -> bool:
    """A rule scoped to example.com also applies to news.example.com."""
    if doc_source is None:
        return False
    return doc_source == rule_source or doc_source.endswith("." + rule_source)
