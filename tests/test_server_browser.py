"""The pages in headless Chromium against `kzmig-kg serve`: home, a resource page reached through
its IRI's 303, a search from the header's form, and the YASGUI editor running a named query; each
with a screenshot and no console errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Served, require_executable


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = require_executable("chromium", "headless browser tests of the server's pages")
    chromedriver = require_executable("chromedriver", "headless browser tests of the server's pages")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--window-size=1280,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _shot(driver, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000


def test_home_page(browser, served: Served, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served.url + "/")
    assert "Kazakhstan" in browser.find_element(By.TAG_NAME, "h1").text
    kinds = browser.find_elements(By.CSS_SELECTOR, "table.kinds tbody tr")
    assert len(kinds) > 20
    _shot(browser, tmp_path, "home")
    assert _errors(browser) == []


def test_resource_page_through_its_iri(browser, served: Served, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served.url + "/eli/kz/zakon/2011/477-IV")
    assert browser.current_url.endswith("/page/eli/kz/zakon/2011/477-IV")
    assert browser.find_element(By.TAG_NAME, "h1").text == "On Population Migration"
    lines = browser.find_elements(By.CSS_SELECTOR, "figure.passage .line")
    assert len(lines) >= 10
    browser.find_element(By.LINK_TEXT, "Parliament of the Republic of Kazakhstan").click()
    assert browser.current_url.endswith("/page/id/org/parliament")
    _shot(browser, tmp_path, "resource")
    assert _errors(browser) == []


def test_search_from_the_header(browser, served: Served, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(served.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("quota", Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.hits li"))
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits li")
    assert len(hits) >= 5
    assert any("Restrictive labour quotas" in hit.text for hit in hits)
    _shot(browser, tmp_path, "search")
    assert _errors(browser) == []


def test_editor_runs_a_named_query(browser, served: Served, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(served.url + "/editor")
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasqe .CodeMirror"))
    Select(browser.find_element(By.ID, "example")).select_by_value("acts-by-number")
    text = browser.execute_script("return window.kzmigEditor.getTab().getQuery()")
    assert "eli:number ?number" in text
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    try:
        WebDriverWait(browser, 60).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, ".yasr tbody tr")) > 0)
    except Exception:
        _shot(browser, tmp_path, "editor-failed")
        shown = browser.find_element(By.CSS_SELECTOR, ".yasr").text[:500]
        raise AssertionError(f"no result table; the result pane shows {shown!r}; console: "
                             f"{browser.get_log('browser')}; screenshot {tmp_path / 'editor-failed.png'}"
                             ) from None
    cells = " ".join(c.text for c in browser.find_elements(By.CSS_SELECTOR, ".yasr tbody td"))
    assert "477-IV" in cells
    _shot(browser, tmp_path, "editor")
    assert _errors(browser) == []
