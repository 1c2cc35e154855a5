"""Add a letter in a real browser (issue 11 item 1): a browser keeps a widget's value as long as its key lives,
which AppTest does not model. Two letters extracted one after the other: every field shows the second, and
Save writes the second's fields. Debian chromium + playwright against `streamlit run app.py`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_browser import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server
from playwright import sync_api

pytestmark = pytest.mark.browser

LETTER_A = ("Open letter on water\n\n1 March 2021\n\nTo the Minister of Water\n\nWe urge you to act.\n\n"
            "Signed,\n1. Alpha Rights Network\n2. Beta Women's Union\n")
LETTER_B = ("Joint statement on schools\n\n5 June 2023\n\nTo the Education Committee\n\nWe demand open schools.\n\n"
            "Signed,\n1. Gamma Teachers Union\n2. Delta Parents Forum\n")
WAIT_MS = 120_000  # the first Extract builds the corpus of the bundled letters


def _extract(page, name: str, text: str) -> None:
    page.locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": text.encode("utf-8")}])
    page.get_by_text(name, exact=True).wait_for(timeout=WAIT_MS)  # uploaded
    page.get_by_role("button", name="Extract").click()
    _settle(page)


def _settle(page) -> None:
    """Wait for the rerun to finish: until then Streamlit also shows the previous run's (stale) widgets."""
    page.wait_for_timeout(500)
    page.locator("[data-testid=stStatusWidget]").wait_for(state="hidden", timeout=WAIT_MS)
    page.wait_for_timeout(500)


def test_second_extract_replaces_every_field_and_save_writes_it(tmp_path):
    letters = tmp_path / "letters"
    shutil.copytree(ROOT / "data" / "letters", letters)
    env = {"ATLAS_LETTERS_DIR": str(letters), "ATLAS_CACHE_DIR": str(tmp_path / "cache")}
    with streamlit_server(env) as url, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "/?view=Add%20a%20letter")
            title = page.get_by_label("Title", exact=True)
            _extract(page, "water.txt", LETTER_A)
            sync_api.expect(title).to_have_value("Open letter on water", timeout=WAIT_MS)
            _extract(page, "schools.txt", LETTER_B)
            sync_api.expect(title).to_have_value("Joint statement on schools", timeout=WAIT_MS)
            sync_api.expect(page.get_by_label("File name in the letters folder")).to_have_value("schools.txt")
            sync_api.expect(page.get_by_label("Recipients (separate with ;)")).to_have_value(
                "Education Committee", timeout=10_000)
            assert page.get_by_label("Date (YYYY-MM-DD, YYYY-MM or YYYY)").input_value().startswith("2023-06")
            title.fill("Schools must open")
            title.press("Enter")
            _settle(page)
            page.get_by_role("button", name="Save to the letters folder").click()
            page.get_by_text("Saved as").wait_for(timeout=WAIT_MS)
        finally:
            browser.close()
    saved = letters / "schools.txt"
    assert saved.read_text(encoding="utf-8") == LETTER_B
    side = saved.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "Schools must open" in side and "water" not in side.lower() and "Minister" not in side
    assert not (letters / "water.txt").exists()
