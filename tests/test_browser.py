"""The explorer in a real browser: Debian chromium driven by playwright against `streamlit run app.py`.

Skipped (with the reason) only when /usr/bin/chromium is missing and CI is not set; in CI it fails.
Screenshots of every page, at 1440x900 and at 390x844, on the bundled letters and on a generated 300-letter
corpus, land in docs/screenshots/ for people (and reviewers) to look at. Every request the pages make is
recorded: one that leaves 127.0.0.1 fails the test (a letter titled with a markdown image must not make the
browser fetch it).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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

from graph.network.build import letter_node  # noqa: E402


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


PAGES = {  # page title -> (URL path, text that says it is drawn)
    "Network": ("", "What this shows"), "Coalitions": ("coalitions", "Coalition sizes"),
    "Co-signers": ("cosigners", "Top co-signing pairs"), "Timeline": ("timeline", "Who joined and who dropped out"),
    "Profile": ("profile", "Top co-signers"), "Letters": ("letters", "Letters and demands"),
    "Letter": ("letter", "Remove this letter"), "Add a letter": ("add", "Add a letter"),
    "Curation": ("curation", "Curation"), "Export": ("export", "Export"),
}
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:")


@contextmanager
def trap_server():
    """A server on 127.0.0.1 that records any request: a title like `![](http://127.0.0.1:PORT/x)` must
    never reach it."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield srv.server_address[1], hits
    finally:
        srv.shutdown()


def shoot(page, url: str, corpus: str, size: str, queries: dict[str, str]) -> None:
    """Open each page by its URL (with `queries[title]`, e.g. the organization of a profile), wait until it
    is drawn, screenshot it."""
    for title, (path, marker) in PAGES.items():
        q = queries.get(title, "")
        page.goto(f"{url}/{path}{q}", wait_until="domcontentloaded")
        page.get_by_text(marker, exact=False).first.wait_for(timeout=120_000)
        if title in ("Network", "Coalitions"):
            graph_frame(page)
        settle(page)
        for _ in range(60):  # widgets whose code is still loading show grey placeholders: not a screenshot
            if not page.locator('[data-testid="stSkeleton"]').count():
                break
            page.wait_for_timeout(250)
        page.wait_for_timeout(600)
        page.screenshot(path=str(SHOTS / f"{corpus}-{path or 'network'}-{size}.png"), full_page=size == "phone")


def watch(context, outside: list[str]) -> None:
    context.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    """The sample letters plus one whose signatory is an HTML/JS payload and whose title is markdown that
    would fetch an image and style text (the trap port is filled in by the test)."""
    d = tmp_path_factory.mktemp("letters")
    for p in (ROOT / "data" / "letters").iterdir():
        shutil.copy2(p, d / p.name)
    return d


def _hostile(folder: Path, trap: int) -> None:
    (folder / "900_hostile.md").write_text(
        f'---\ntitle: "![](http://127.0.0.1:{trap}/x) :red[styled] <script>alert(2)</script> Joint statement"\n'
        f'date: 2022-03-10\nsignatories:\n  - "{HOSTILE}"\n  - Amnesty International\n  - Burma Campaign UK\n---\n'
        "We, the undersigned organisations, urge the UN Security Council to impose a global arms embargo.\n",
        encoding="utf-8")


SHOWN_LABELS = """() => {  // every name drawn now: its box as vis laid it out, in screen pixels
    const s = network.getScale();
    return nodes.get().filter(n => n.label).map(n => {
        const m = network.body.nodes[n.id].labelModule.size, p = network.canvasToDOM({x: m.left, y: m.top});
        return [n.id, p.x, p.y, m.width * s, m.height * s, n.font.size * s];
    });
}"""


def readable_labels(frame, at_least: int) -> None:
    """The names shown at the fitting zoom: enough of them, none under 10.5 px on screen, no two overlapping
    (boxes as vis-network laid them out)."""
    boxes = frame.evaluate(SHOWN_LABELS)
    assert len(boxes) >= at_least, boxes
    assert min(b[5] for b in boxes) >= 10.5, sorted(b[5] for b in boxes)[:5]
    clash = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
             if a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] and b[2] < a[2] + a[4]]
    assert not clash, clash


def zoom_buttons_keys_and_labels(page, frame) -> None:
    """The zoom buttons and the keyboard zoom; zooming in names more nodes, and a label keeps its size on
    screen; the fitted drawing is centred in its frame."""
    scale = lambda: frame.evaluate("() => network.getScale()")  # noqa: E731
    named = lambda: frame.evaluate("() => nodes.get().filter(n => n.label).length")  # noqa: E731
    centre = frame.evaluate("""() => {
        const ps = Object.values(network.getPositions()).map(p => network.canvasToDOM(p)),
              c = document.querySelector('#mynetwork');
        const xs = ps.map(p => p.x), ys = ps.map(p => p.y);
        return [(Math.min(...xs) + Math.max(...xs)) / 2 / c.clientWidth, (Math.min(...ys) + Math.max(...ys)) / 2 / c.clientHeight];
    }""")
    assert all(0.35 < c < 0.65 for c in centre), f"the drawing is not centred in its frame: {centre}"
    fitted, shown = scale(), named()
    frame.locator("#atlas-zoom-in").click()  # one click, one step
    page.wait_for_timeout(200)
    once = scale()
    assert once > fitted * 1.1, (fitted, once)
    frame.locator("#atlas-zoom-out").click()
    page.wait_for_timeout(200)
    assert abs(scale() - fitted) < 1e-6 * fitted, "zooming in and out again is back where it was"
    frame.locator("#mynetwork canvas").click(position={"x": 5, "y": 5})  # keys go to the drawing
    page.keyboard.press("+")
    page.wait_for_timeout(200)
    assert abs(scale() - once) < 1e-6 * once, "the + key zooms one step"
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.wait_for_timeout(200)
    assert scale() < fitted, "the - key zooms out"
    page.keyboard.press("0")
    page.wait_for_timeout(200)
    assert abs(scale() - fitted) < 1e-6 * fitted, "0 shows the whole drawing again"
    size = frame.evaluate("() => nodes.get().find(n => n.label).font.size * network.getScale()")
    frame.evaluate("() => network.moveTo({scale: network.getScale() * 5})")
    page.wait_for_timeout(400)
    total = frame.evaluate("() => nodes.get().length")
    assert named() > shown or shown == total, "zooming in names more nodes"
    now = frame.evaluate("() => nodes.get().find(n => n.label).font.size * network.getScale()")
    assert now <= size * 1.5 + 0.5, (size, now)  # names stay readable, not giant


def focused_in_the_middle(frame) -> None:
    """The searched organization: ringed, named, in the middle of the frame."""
    focus = frame.evaluate("""() => {
        const f = nodes.get().find(n => n.borderWidth === 5), c = document.querySelector('#mynetwork');
        const p = network.canvasToDOM(network.getPositions([f.id])[f.id]);
        return [f.label, p.x / c.clientWidth, p.y / c.clientHeight];
    }""")
    assert focus[0] and abs(focus[1] - 0.5) < 0.05 and abs(focus[2] - 0.5) < 0.05, focus


def test_explorer_in_chromium(letters, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    outside: list[str] = []
    with trap_server() as (trap, trapped):
        _hostile(letters, trap)
        env = {"ATLAS_LETTERS_DIR": str(letters), "ATLAS_CACHE_DIR": str(tmp_path / "cache")}  # a real, cold build
        with streamlit_server(env) as url, sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport=SIZES["desktop"], accept_downloads=True)
                watch(context, outside)
                page = context.new_page()
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                page.goto(url, wait_until="domcontentloaded")
                frame = graph_frame(page, 90_000)
                settle(page)
                # The legend sits beside the drawing, never over it.
                legend = frame.locator("#atlas-legend").bounding_box()
                canvas = frame.locator("#mynetwork").bounding_box()
                assert legend and canvas and legend["x"] >= canvas["x"] + canvas["width"] - 1, (legend, canvas)
                bottom = page.locator("iframe").first.bounding_box()
                assert bottom["y"] + bottom["height"] <= SIZES["desktop"]["height"], "the drawing fits the first screen"
                readable_labels(frame, 15)
                zoom_buttons_keys_and_labels(page, frame)
                frame.locator("#atlas-fit").click()
                page.wait_for_timeout(200)
                before = frame.evaluate("() => network.getPositions()")

                box = page.get_by_role("textbox", name="Find an organization")
                box.fill("BCUK")  # initials nobody printed
                box.press("Enter")
                page.get_by_text("Burma Campaign UK", exact=False).first.wait_for(timeout=90_000)
                settle(page)
                frame = graph_frame(page)
                page.wait_for_timeout(500)
                page.screenshot(path=str(SHOTS / "bundled-search-desktop.png"))
                after = frame.evaluate("() => network.getPositions()")  # the search moved no node shown before
                assert {n: after[n] for n in before if n in after} == {n: before[n] for n in before if n in after}
                assert len(set(before) & set(after)) >= 5 and len(after) > len(set(before) & set(after))
                focused_in_the_middle(frame)

                # Double-clicking the organization in the drawing opens its profile.
                node = frame.evaluate("() => nodes.get().find(n => String(n.id).includes('burma-campaign-uk')).id")
                page.mouse.dblclick(*node_xy(page, frame, node))
                page.get_by_text("Top co-signers").first.wait_for(timeout=90_000)
                page.get_by_role("heading", name="Burma Campaign UK").wait_for(timeout=90_000)
                settle(page)

                # The hostile letter: its title shows as text, its markdown image is never fetched.
                page.goto(f"{url}/letter?letter={letter_node('900_hostile.md')}", wait_until="domcontentloaded")
                page.get_by_text("Remove this letter").first.wait_for(timeout=90_000)
                settle(page)
                page.get_by_text(":red[styled]", exact=False).first.wait_for(timeout=30_000)
                assert page.locator('img[src*="127.0.0.1:%d"]' % trap).count() == 0

                # The hostile name must show as text (search finds it) and never run.
                page.goto(url, wait_until="domcontentloaded")
                graph_frame(page)
                box = page.get_by_role("textbox", name="Find an organization")
                box.fill("onerror")
                box.press("Enter")
                page.get_by_text(HOSTILE, exact=False).first.wait_for(timeout=90_000)
                settle(page)
                frame = graph_frame(page)
                texts = frame.evaluate("""() => nodes.get().map(
                    n => String(n.label || '') + ' | ' + (n.title && n.title.textContent ? n.title.textContent : ''))""")
                assert any(HOSTILE in t for t in texts), texts
                node_id = frame.evaluate("() => nodes.get().find(n => String(n.label).includes('onerror')).id")
                page.mouse.move(*node_xy(page, frame, node_id))
                page.wait_for_timeout(1200)
                page.screenshot(path=str(SHOTS / "hostile_name_as_text.png"))
                assert page.locator('img[src="x"]').count() == 0
                assert frame.locator('img[src="x"]').count() == 0

                page.goto(f"{url}/export", wait_until="domcontentloaded")
                page.get_by_text("Format").first.wait_for(timeout=90_000)
                settle(page)
                with page.expect_download(timeout=60_000) as dl:
                    page.locator('[data-testid="stDownloadButton"] button').first.click()
                target = tmp_path / dl.value.suggested_filename
                dl.value.save_as(target)
                assert target.stat().st_size > 1000

                queries = {"Profile": "?org=org:burma-campaign-uk",
                           "Letter": "?letter=letter:003_65098f7556022396&line=12"}
                for size, viewport in SIZES.items():
                    page.set_viewport_size(viewport)
                    shoot(page, url, "bundled", size, queries)
                    if size == "phone":  # the drawing takes the whole width, the legend goes under it
                        page.goto(url, wait_until="domcontentloaded")
                        frame = graph_frame(page)
                        legend = frame.locator("#atlas-legend").bounding_box()
                        canvas = frame.locator("#mynetwork").bounding_box()
                        assert canvas["width"] >= 300 and legend["y"] >= canvas["y"] + canvas["height"] - 1
                        top = page.locator("iframe").first.bounding_box()["y"]
                        assert top < 0.55 * viewport["height"], f"the drawing starts low on a phone: {top}"
                        assert canvas["height"] >= 300, canvas
                        readable_labels(frame, 5)
            finally:
                browser.close()
    assert not dialogs, f"a script from the data ran: {dialogs}"
    assert not trapped, f"a letter's title made the browser fetch: {trapped}"
    assert not outside, f"requests left the machine: {outside}"


def test_screenshots_of_a_300_letter_corpus(tmp_path):
    big = tmp_path / "letters300"
    subprocess.run([sys.executable, "-m", "tools.generate", "--letters", "300", "--orgs", "3000", "--signatures",
                    "30000", "--seed", "1", "-o", str(big)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    outside: list[str] = []
    env = {"ATLAS_LETTERS_DIR": str(big), "ATLAS_CACHE_DIR": str(tmp_path / "cache")}
    with streamlit_server(env, timeout=120) as url, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=SIZES["desktop"])
            watch(context, outside)
            page = context.new_page()
            page.goto(url, wait_until="domcontentloaded")
            frame = graph_frame(page, 180_000)
            readable_labels(frame, 20)  # the default view names its most important organizations
            org = frame.evaluate("() => nodes.get().find(n => String(n.id).startsWith('org:')).id")
            first = sorted(p.name for p in big.iterdir() if p.suffix in (".txt", ".md"))[0]
            queries = {"Profile": f"?org={org}", "Letter": f"?letter={letter_node(first)}&line=3"}
            busiest = frame.evaluate("""() => nodes.get().filter(n => String(n.id).startsWith('org:'))
                .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))[0].title.textContent.split('\\n')[0]""")
            for size, viewport in SIZES.items():
                page.set_viewport_size(viewport)
                shoot(page, url, "generated300", size, queries)
            page.goto(url, wait_until="domcontentloaded")  # a phone: names as readable, fewer
            readable_labels(graph_frame(page, 180_000), 5)
            # The busiest organization searched: ringed, in the middle, its neighbours named without overlaps,
            # and every node of the map where it was.
            page.set_viewport_size(SIZES["desktop"])
            page.goto(url, wait_until="domcontentloaded")
            before = graph_frame(page, 180_000).evaluate("() => network.getPositions()")
            box = page.get_by_role("textbox", name="Find an organization")
            box.fill(busiest)
            box.press("Enter")
            page.get_by_text("Open its profile").first.wait_for(timeout=180_000)
            settle(page, 180)
            frame = graph_frame(page, 180_000)
            page.wait_for_timeout(600)
            page.screenshot(path=str(SHOTS / "generated300-search-desktop.png"))
            after = frame.evaluate("() => network.getPositions()")
            assert {n: after[n] for n in before if n in after} == {n: before[n] for n in before if n in after}
            focused_in_the_middle(frame)
            readable_labels(frame, 5)
        finally:
            browser.close()
    assert not outside, f"requests left the machine: {outside}"
