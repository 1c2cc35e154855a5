"""One bound over reading one letter: the whole read and parse (document reader, signatories,
demands) gets LETTER_SECONDS, after which the letter is stopped and reported as a LoadError, and
the corpus goes on with the next letter.

Each reader bounds its own work (PDF pages, OCR per page, zip sizes, line lengths), but a letter
can still be slow in a way no reader foresaw (a parser that backtracks on one odd list). How the
stop works, and why this way:
- A watchdog timer raises an exception *in the thread reading the letter*
  (PyThreadState_SetAsyncExc). It works in any thread: Streamlit runs scripts in its own threads,
  where signal.alarm cannot be used, and no process is forked (forking from the threaded server
  was removed on purpose: a forked copy inherits other threads' locks).
- The exception arrives between two Python bytecodes: a pure-Python loop stops at once; a single
  long C call (one regex match, one tesseract run, itself bounded at 60 s) first returns.
- LetterTooSlow is a BaseException, so the readers' `except Exception` (which turn any parser
  failure into a LoadError) cannot swallow it and read on.
- A stop that was fired but not yet delivered when the letter ends is cancelled, so it can never
  land in the code that runs after the letter.

>>> with letter_deadline("quick.txt", seconds=5):
...     total = sum(range(1000))
>>> try:
...     with letter_deadline("endless.txt", seconds=0.05):
...         while True:
...             pass
... except LoadError as e:
...     print(e)
endless.txt: took over 0.05 s to read and parse, and was stopped (set ATLAS_LETTER_SECONDS to allow longer)
"""
from __future__ import annotations

import ctypes
import os
import threading
from contextlib import contextmanager
from typing import Iterator

from graph.extract.errors import LoadError

# The slowest honest letter is a 40-page scan read by OCR (graph.extract.ocr: 1-3 s a page, two pages at a
# time; about 2 minutes on a busy 2-core machine); parsing takes milliseconds. Beyond 3 minutes, something
# is wrong with the file, and a first visitor should not wait longer for the rest of the corpus.
LETTER_SECONDS = float(os.environ.get("ATLAS_LETTER_SECONDS", 180))


class LetterTooSlow(BaseException):
    """Raised in the reading thread when its letter's time is up (a BaseException: see above)."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule `exc` in thread `thread_id` (None: cancel one scheduled and not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc is not None else None)


@contextmanager
def letter_deadline(name: str, seconds: float | None = None) -> Iterator[None]:
    """Run the body for letter `name` within `seconds` (default LETTER_SECONDS; 0 or less: no bound);
    over time, the body is stopped and LoadError(name, "took over ...") raised instead."""
    limit = LETTER_SECONDS if seconds is None else seconds
    if limit <= 0:
        yield
        return
    me = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _raise_in(me, LetterTooSlow)

    timer = threading.Timer(limit, fire)
    timer.daemon = True
    timer.name = f"atlas-letter-deadline-{name}"[:60]
    try:
        try:
            timer.start()
            yield
        finally:
            with lock:
                state["armed"] = False
                timer.cancel()
                if state["fired"]:
                    _raise_in(me, None)  # fired as the letter finished: never let it land after
    except LetterTooSlow:
        raise LoadError(name, f"took over {limit:g} s to read and parse, and was stopped "
                              "(set ATLAS_LETTER_SECONDS to allow longer)") from None
