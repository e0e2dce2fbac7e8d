"""End-to-end: the dashboard in headless Chromium (Debian's /usr/bin/chromium driven by playwright; no
browser is downloaded) against uvicorn serving a store built from the bundled examples.

Screenshots go to out/screenshots/ (git-ignored, kept as test artefacts); with RASD_UPDATE_SCREENSHOTS=1
the overview, pair and document views are also written to docs/img/ for the README."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import RELAXED, REPO

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = REPO / "out" / "screenshots"
DOC = "12_azertac_bayramov_wang_call"

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install chromium); browser tests skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")
uvicorn = pytest.importorskip("uvicorn")


@pytest.fixture(scope="module")
def base_url(serve_db: Path) -> Iterator[str]:
    """uvicorn on a free loopback port, in a thread of this process."""
    from rasd.serve import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(serve_db, RELAXED), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def open_page(browser, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_default_timeout(10_000)
    return page, errors


def shot(page, name: str, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    if os.environ.get("RASD_UPDATE_SCREENSHOTS") == "1" and not name.startswith("phone"):
        from PIL import Image  # matplotlib's dependency; 256 colours keep the README's images small

        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        with Image.open(path) as image:
            image.convert("RGB").quantize(colors=256).save(REPO / "docs" / "img" / f"{name}.png", optimize=True)
    return path


def test_browser_overview_pair_and_document(browser, base_url: str):
    page, errors = open_page(browser, 1280, 800)
    page.goto(base_url + "/")
    page.wait_for_selector(".kpi")
    assert page.locator(".kpi b").first.inner_text() == "15"
    assert page.locator("table.events tbody tr").count() >= 5  # latest events
    shot(page, "overview")

    # Overview → the CHN–AZE pair (listed among the most active pairs, either order).
    page.locator("a.pair-link", has_text="AZE–CHN").first.click()
    page.wait_for_selector("svg.ladder .step-dot")
    assert page.locator("svg.ladder path.step").get_attribute("d").count("L") >= 1
    assert "Azerbaijan" in page.locator("h1").inner_text() and "China" in page.locator("h1").inner_text()
    label = page.locator("svg.ladder .step-label").first
    assert "strategic partnership" in label.text_content() and "upgraded 2025-03-18" in label.text_content()
    assert page.locator("svg.ladder .step-dot[data-rank='3']").count() == 1
    bars = page.locator("svg.months rect.bar")
    assert bars.count() >= 2
    counted = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    assert counted >= 3
    assert page.locator("svg.months .gold-dot").count() >= 2
    shot(page, "pair")

    # The step's document, with the event's trigger highlighted.
    page.goto(f"{base_url}/#/doc/{DOC}?event={DOC}-e1")
    page.wait_for_selector("#doc-text mark")
    text = page.locator("#doc-text")
    assert text.get_attribute("dir") == "rtl"
    trigger = page.locator("#doc-text mark.trigger", has_text="يبحثان").first
    assert "CONSULT" in trigger.get_attribute("title") and "040 Consult" in trigger.get_attribute("title")
    assert "sel" in trigger.get_attribute("class")
    for kind in ("actor", "date", "place", "partnership"):
        assert page.locator(f"#doc-text mark.{kind}").count() >= 1, kind
    place = page.locator("#doc-text mark.place").first  # inside the dateline: both are in its title
    assert place.inner_text() == "باكو"
    assert "Baku, Azerbaijan" in place.get_attribute("title") and "dateline" in place.get_attribute("title")
    assert page.locator("#doc-events li.sel").count() == 1
    shot(page, "document")

    # Clicking another event's entry moves the selection to its trigger.
    page.locator("#doc-events li", has_text="«أشاد»").first.click()
    assert page.locator("#doc-text mark.trigger.sel").first.inner_text() == "أشاد"
    assert not errors, errors


def test_browser_events_filter_and_network(browser, base_url: str):
    page, errors = open_page(browser, 1280, 800)
    page.goto(base_url + "/#/events")
    page.wait_for_selector("#page-info")
    page.fill("input[name=pair_a]", "chn")
    page.fill("input[name=pair_b]", "aze")
    page.click("form#filters button[type=submit]")
    # wait for the filtered page itself, not the unfiltered one still on screen while the new one loads
    total = page.request.get(f"{base_url}/api/events?pair=CHN,AZE&limit=1").json()["total"]
    page.wait_for_function(
        "t => (document.querySelector('#page-info')?.textContent || '').includes(`of ${t} events`)", arg=total
    )
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 3
    assert "of" in page.locator("#page-info").inner_text()
    page.fill("input[name=since]", "2024-13")
    page.click("form#filters button[type=submit]")
    page.wait_for_selector("p.error")
    assert "Q400" in page.locator("p.error").inner_text()
    assert errors == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    errors.clear()  # the one refused request above is the point of the check

    page.goto(base_url + "/#/network")
    page.wait_for_selector("svg.network .edge")
    assert page.locator("svg.network .node[data-actor='CHN']").count() == 1
    edge = page.locator("svg.network .edge[data-pair='AZE-CHN']")
    assert "coop" in edge.get_attribute("class")
    shot(page, "network")
    edge.click(force=True)
    page.wait_for_selector("svg.ladder")
    assert page.url.endswith("#/pair/AZE/CHN")
    assert not errors, errors


@pytest.mark.parametrize("view", ["pair/CHN/AZE", f"doc/{DOC}"])
def test_browser_phone_width_has_no_horizontal_scroll(browser, base_url: str, view: str):
    page, errors = open_page(browser, 390, 844)
    page.goto(f"{base_url}/#/{view}")
    page.wait_for_selector("svg.ladder, #doc-text mark")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    shot(page, "phone-" + view.split("/")[0])
    assert not errors, errors
