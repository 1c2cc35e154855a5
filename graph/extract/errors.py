"""The one error a reader raises: a file that cannot be read as a letter, with a message naming the file."""
from __future__ import annotations


class LoadError(ValueError):
    """A file that cannot be read as a letter. The message names the file and says what to do."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"{name}: {message}")
