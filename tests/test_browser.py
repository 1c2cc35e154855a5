"""The explorer in a real browser: Debian chromium driven by playwright against `streamlit run app.py`.

Skipped (with the reason) only when /usr/bin/chromium is missing and CI is not set; in CI it fails.
Screenshots land in docs/screenshots/ for people (and reviewers) to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "docs" / "screenshots"
HOSTILE = "<img src=x onerror=alert(1)>"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing in CI: install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); set CI=1 to make this a failure",
                allow_module_level=True)

from playwright import sync_api  # noqa: E402 - only once chromium is known to exist


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(env_extra: dict[str, str], timeout: float = 60.0):
    """`streamlit run app.py` on a free port; yields the URL; stops it (only it) afterwards."""
    port = free_port()
    env = {**os.environ, **env_extra, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode(errors="replace"))
        else:
            raise TimeoutError(f"streamlit did not start within {timeout}s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def graph_frame(page, timeout_ms: int = 120_000):
    """The iframe holding the vis-network canvas, once it has drawn something non-blank."""
    page.wait_for_selector("iframe", timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if frame == page.main_frame:
                continue
            try:
                drawn = frame.evaluate("""() => {
                    const c = document.querySelector('canvas');
                    if (!c || !document.body.getAttribute('data-drawn')) return false;
                    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < d.length; i += 64) if (d[i] > 0) return true;
                    return false;
                }""")
            except Exception:  # noqa: BLE001 - frames come and go while Streamlit reruns
                drawn = False
            if drawn:
                return frame
        page.wait_for_timeout(100)  # not time.sleep: the sync API only sees new frames inside its calls
    raise TimeoutError("the network canvas never drew")


def settle(page, timeout: float = 60.0) -> None:
    """Wait until Streamlit has finished the run: no running indicator and no stale (greyed) element."""
    deadline, quiet = time.monotonic() + timeout, 0
    while time.monotonic() < deadline and quiet < 4:
        busy = page.locator('[data-testid="stStatusWidget"]').count() or page.locator('[data-stale="true"]').count()
        quiet = 0 if busy else quiet + 1
        page.wait_for_timeout(250)


def node_xy(page, frame, node: str) -> tuple[float, float]:
    """Page coordinates of a vis node: canvas position -> canvas element -> iframe on the page."""
    xy = frame.evaluate("""(id) => {
        const p = network.canvasToDOM(network.getPositions([id])[id]);
        const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top];
    }""", node)
    box = page.locator("iframe").first.bounding_box()
    return box["x"] + xy[0], box["y"] + xy[1]


def go(page, view: str) -> None:
    page.locator('[data-testid="stSidebar"] label').filter(has_text=view).first.click()
    page.wait_for_timeout(300)
    settle(page)


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    """The sample letters plus one whose signatory is an HTML/JS payload."""
    d = tmp_path_factory.mktemp("letters")
    for p in (ROOT / "data" / "letters").iterdir():
        shutil.copy2(p, d / p.name)
    # Front matter carries the names verbatim, whatever the signatory parser would make of them.
    (d / "900_hostile.md").write_text(
        f'---\ntitle: "<script>alert(2)</script> Joint statement"\ndate: 2022-03-10\nsignatories:\n'
        f'  - "{HOSTILE}"\n  - Amnesty International\n  - Burma Campaign UK\n---\n'
        "We, the undersigned organisations, urge the UN Security Council to impose a global arms embargo.\n",
        encoding="utf-8")
    return d


def test_explorer_in_chromium(letters, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    env = {"ATLAS_LETTERS_DIR": str(letters), "ATLAS_CACHE_DIR": str(tmp_path / "cache")}  # a real, cold build
    with streamlit_server(env) as url, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url, wait_until="domcontentloaded")
            frame = graph_frame(page, 90_000)
            settle(page)
            # The legend sits beside the drawing, never over it.
            legend = frame.locator("#atlas-legend").bounding_box()
            canvas = frame.locator("#mynetwork").bounding_box()
            assert legend and canvas and legend["x"] >= canvas["x"] + canvas["width"] - 1, (legend, canvas)
            page.screenshot(path=str(SHOTS / "network.png"), full_page=False)

            box = page.get_by_label("Find an organization (name, alias or acronym)")
            box.fill("FORUM-ASIA")
            box.press("Enter")
            page.get_by_text("Asian Forum for Human Rights", exact=False).first.wait_for(timeout=90_000)
            settle(page)
            graph_frame(page)
            page.wait_for_timeout(500)
            page.screenshot(path=str(SHOTS / "ego_network.png"))

            # Double-clicking the organization in the drawing opens its profile.
            frame = graph_frame(page)
            node = frame.evaluate("() => nodes.get().find(n => String(n.id).includes('asian-forum')).id")
            x, y = node_xy(page, frame, node)
            page.mouse.dblclick(x, y)
            page.get_by_text("Top co-signers").first.wait_for(timeout=90_000)
            page.get_by_role("heading", name="Asian Forum for Human Rights and Development").wait_for(timeout=90_000)
            settle(page)
            page.screenshot(path=str(SHOTS / "profile.png"), full_page=True)

            go(page, "Coalitions")
            page.get_by_text("Bridges between coalitions").first.wait_for(timeout=90_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(SHOTS / "coalitions.png"), full_page=True)

            for view, text, shot in (("Co-signers", "Top co-signing pairs", "cosigners.png"),
                                     ("Letters", "Letters and demands", "letters.png"),
                                     ("Timeline", "Timeline", "timeline.png")):
                go(page, view)
                page.get_by_role("heading", name=text).first.wait_for(timeout=90_000)
                page.wait_for_timeout(1000)
                page.screenshot(path=str(SHOTS / shot), full_page=True)

            # The hostile name must show as text (search finds it) and never run.
            go(page, "Network")
            box = page.get_by_label("Find an organization (name, alias or acronym)")
            box.fill("onerror")
            box.press("Enter")
            page.get_by_text(HOSTILE, exact=False).first.wait_for(timeout=90_000)
            frame = graph_frame(page)
            texts = frame.evaluate("""() => nodes.get().map(
                n => String(n.label || '') + ' | ' + (n.title && n.title.textContent ? n.title.textContent : ''))""")
            assert any(HOSTILE in t for t in texts), texts  # drawn as text on the canvas / in text-only tooltips
            # Hover the hostile node so vis shows its tooltip (an onerror would fire now if it were HTML).
            node_id = frame.evaluate("() => nodes.get().find(n => String(n.label).includes('onerror')).id")
            page.mouse.move(*node_xy(page, frame, node_id))
            page.wait_for_timeout(1200)
            page.screenshot(path=str(SHOTS / "hostile_name_as_text.png"))
            assert page.locator('img[src="x"]').count() == 0
            assert frame.locator('img[src="x"]').count() == 0

            go(page, "Export")
            page.get_by_text("Format").first.wait_for(timeout=90_000)
            with page.expect_download(timeout=60_000) as dl:
                page.locator('[data-testid="stDownloadButton"] button').first.click()
            target = tmp_path / dl.value.suggested_filename
            dl.value.save_as(target)
            assert target.stat().st_size > 1000
            page.screenshot(path=str(SHOTS / "export.png"), full_page=True)
        finally:
            browser.close()
    assert not dialogs, f"a script from the data ran: {dialogs}"
