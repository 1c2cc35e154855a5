"""Editing rights in the app: the editor password (with a delay and a growing lockout on wrong guesses),
a secrets file that cannot be read, and the Settings -> Letters folder box (an editor action, limited to
allowed folders). The rules are in graph/access.py; this module draws them."""
from __future__ import annotations

import hmac
import math
import os
import time
from pathlib import Path

import streamlit as st

from graph import access
from graph import paths as gpaths

clock = time.monotonic  # replaced by tests: no real waiting
sleep = time.sleep


def editor_password() -> str:
    """st.secrets["editor_password"] wins; else env ATLAS_EDITOR_PASSWORD; "" means open access."""
    try:
        pw = st.secrets.get("editor_password", "")
    except Exception:  # noqa: BLE001 - no secrets file is the normal case; a broken one is secrets_problem()
        pw = ""
    return str(pw or os.environ.get("ATLAS_EDITOR_PASSWORD", ""))


def secrets_problem() -> str:
    """Why editing stays locked although no password may be set: a secrets file exists but cannot be read
    (a typo in it must not open editing to everyone). "" when there is none or it reads fine. Read here
    with tomllib: st.secrets.get swallows a parse error like a missing key."""
    import tomllib

    for path in map(Path, st.get_option("secrets.files")):
        try:
            if path.expanduser().is_file():
                tomllib.loads(path.expanduser().read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            return (f"Editing is locked: the secrets file cannot be read ({path.name}: {type(e).__name__}: {e}). "
                    "Fix it and reload.")
    return ""


def may_edit() -> bool:
    """True when this session may edit (no password set and no broken secrets file, or password given)."""
    if secrets_problem():
        return False
    return not editor_password() or bool(st.session_state.get("_editor_ok"))


def _guard() -> access.Guard:
    return st.session_state.setdefault("_pw_guard", access.Guard())


def _check(key: str) -> None:
    """on_change of the password box: judge the guess once, then empty the box (a guess left in it must
    not count again at every rerun)."""
    given = str(st.session_state.get(key) or "")
    st.session_state[key] = ""
    guard = _guard()
    if not given or guard.wait(clock()):
        return
    if hmac.compare_digest(given.encode(), editor_password().encode()):
        guard.right()
        st.session_state["_editor_ok"] = True
        return
    lock = guard.wrong(clock())
    sleep(access.WRONG_GUESS_DELAY_S)
    st.session_state["_pw_msg"] = "Wrong password." + (f" Locked for {lock:.0f} s." if lock else "")


def require_editor(key: str) -> bool:
    """True when the user may edit. Otherwise says why, with a password box when a password is set."""
    problem = secrets_problem()
    if problem:
        st.error(problem)
        return False
    if may_edit():
        return True
    st.warning("Adding letters, curating and changing the letters folder need the editor password.")
    if msg := st.session_state.pop("_pw_msg", None):
        st.error(msg)
    wait = _guard().wait(clock())
    if wait:
        st.error(f"Too many wrong passwords: try again in {math.ceil(wait)} s.")
        return False
    st.text_input("Editor password", type="password", key=key, on_change=_check, args=(key,))
    return False


def chosen_folder() -> Path | None:
    """The folder chosen in Settings, when an editor chose one under an allowed root; else None."""
    chosen = str(st.session_state.get("letters_dir") or "")
    if not chosen or not may_edit():
        return None
    return access.allowed_folder(chosen, gpaths.letters_dir())


def folder_setting() -> None:
    """Settings -> Letters folder. Viewers see it greyed out: pointing the app at a folder shows that
    folder's files to everyone and starts a build."""
    editable = may_edit()
    st.text_input("Letters folder", key="letters_dir", placeholder=str(gpaths.letters_dir()), disabled=not editable,
                  help="Another folder of letters (e.g. one made by `python -m tools.generate`), under the letters "
                       "folder or ATLAS_LETTERS_ROOT. Empty = ATLAS_LETTERS_DIR or data/letters.")
    if not editable:
        st.caption("Changing the folder needs the editor password (asked in Add a letter or Curation).")
    elif st.session_state.get("letters_dir") and chosen_folder() is None:
        st.error("That folder is not under the letters folder or ATLAS_LETTERS_ROOT: the default folder is shown.")
