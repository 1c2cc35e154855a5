"""Browser benchmark of the explorer: Debian chromium + playwright against `streamlit run app.py`.

Medians over --repeat fresh server starts of:
  start_to_graph   `streamlit run` spawned -> vis-network canvas painted (seed corpus; target <= 5 s)
  filter_redraw    sidebar filter changed -> the new drawing painted (target <= 1 s)
  expand_collapse  Coalitions: a super-node expanded or collapsed again -> the new drawing painted (target <= 1 s)
  large_first_view same as start_to_graph on a generated 10,000-organization corpus (target <= 5 s)
Each start is measured "cold" (empty corpus cache: letters parsed) and "warm" (the per-letter store
written by the previous start is reused, as after any restart of a deployed app).

    .venv/bin/python bench/bench_browser.py --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAWN = """() => {
  const c = document.querySelector('canvas');
  return !!(c && document.body.getAttribute('data-drawn') && !window.__benchOld);
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_drawn(page, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for fr in page.frames[1:]:
            try:
                if fr.evaluate(DRAWN):
                    return
            except Exception:  # noqa: BLE001 - frames are replaced while Streamlit reruns
                pass
        page.wait_for_timeout(20)  # not time.sleep: the sync API only learns of new frames inside its calls
    raise TimeoutError("graph never drawn")


def wait_for_cache(cache: Path, timeout: float = 120) -> None:
    """The app stores the corpus while building it (graph/store/corpus.py); wait for the store file."""
    deadline = time.monotonic() + timeout
    while not (cache / "atlas.sqlite3").is_file() and time.monotonic() < deadline:
        time.sleep(0.1)


def _mark_old(page) -> None:
    for fr in page.frames[1:]:
        try:
            fr.evaluate("() => { window.__benchOld = true; }")
        except Exception:  # noqa: BLE001 - frames are replaced while Streamlit reruns
            pass


def expand_collapse(page, url: str, rounds: int = 2) -> float:
    """Median time to redraw Coalitions after expanding its largest super-node, and after collapsing it."""
    page.goto(url + "/coalitions")
    wait_drawn(page, 300)
    times = []
    for _ in range(rounds):
        for action in ("expand", "collapse"):
            _mark_old(page)
            t = time.monotonic()
            page.locator('[data-testid="stMultiSelect"] input').first.click()
            # Enter picks the first option (the largest coalition); Backspace removes it again
            page.keyboard.press("Enter" if action == "expand" else "Backspace")
            wait_drawn(page, 120)
            times.append(time.monotonic() - t)
            page.keyboard.press("Escape")
    return statistics.median(times)


def one_start(browser, env: dict[str, str], redraw: bool, timeout: float = 300) -> dict[str, float]:
    port = free_port()
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                             "true", "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out: dict[str, float] = {}
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if time.monotonic() - t0 > timeout:
                    raise TimeoutError("server did not start")
                time.sleep(0.05)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(url)
        wait_drawn(page, timeout)
        out["start_to_graph"] = time.monotonic() - t0
        if redraw:
            times = []
            for value in ("20", "22", "24"):  # the bundled letters' map has 25 organizations: each value redraws
                _mark_old(page)
                box = page.locator('input[aria-label="Draw at most N nodes"]')
                box.fill(value)
                t1 = time.monotonic()
                box.press("Enter")
                wait_drawn(page, 60)
                times.append(time.monotonic() - t1)
            out["filter_redraw"] = statistics.median(times)
            out["expand_collapse"] = expand_collapse(page, url)
        page.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--orgs", type=int, default=10000)
    ap.add_argument("--large-dir", help="use this letters folder instead of generating one")
    ap.add_argument("--only", choices=("seed", "large"), help="run one corpus only")
    args = ap.parse_args()
    results: dict[str, list[float]] = {}
    loads: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        large = args.large_dir or str(Path(tmp) / "large")
        if not args.large_dir and args.only != "seed":
            subprocess.run([sys.executable, "-m", "tools.generate", "--letters", "1000", "--orgs", str(args.orgs),
                            "--signatures", "150000", "--seed", "1", "-o", large],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, letters in (("seed", str(ROOT / "data" / "letters")), ("large", large)):
            if args.only and name != args.only:
                continue
            for i in range(args.repeat):
                cache = Path(tmp) / f"cache-{name}-{i}"
                env = {"ATLAS_LETTERS_DIR": letters, "ATLAS_CACHE_DIR": str(cache)}
                for temp in ("cold", "warm"):  # the warm start reuses the cold start's store
                    if temp == "warm":
                        wait_for_cache(cache)
                    r = one_start(browser, env, redraw=(name == "seed" and temp == "warm"))
                    for k, v in r.items():
                        key = f"{name}_{temp}_{k}" if k == "start_to_graph" else k
                        results.setdefault(key, []).append(v)
                        load = os.getloadavg()[0]  # the machine is shared: a number means little without it
                        loads.append(load)
                        print(f"{key:32s} run {i + 1}: {v:6.2f} s  (load {load:.2f})", flush=True)
        browser.close()
    med = {k: round(statistics.median(v), 2) for k, v in results.items()}
    print(f"\nmedians (s), 1-min load average median {statistics.median(loads or [0]):.2f} on {os.cpu_count()} cores:")
    for k, v in med.items():
        print(f"  {k:32s} {v:6.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_browser.json").write_text(json.dumps({"medians_s": med, "runs_s": results, "repeat": args.repeat,
                                                        "orgs": args.orgs, "load_avg_1min": loads}, indent=2))
    print(json.dumps({"medians_s": med}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
