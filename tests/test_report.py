"""`kzmig-kg report`: a static HTML report whose figures come from named queries on the release;
checked against the document, and rendered in headless Chromium (every figure loads, no console
errors)."""

from __future__ import annotations

import csv
import html
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import KzmigError
from kzmig_kg.pipeline.outdir import MARKER
from kzmig_kg.publish.report import _balance_timeline, _codebook, build_report
from kzmig_kg.query.named import QUERIES_DIR

from .conftest import SOURCES, thesis_lines

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report(release, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report"
    return build_report(release.dir / "store", out, sources_dir=SOURCES)


def _figure(report, slug: str):
    return next(f for f in report.figures if f.slug.endswith(slug))


def _rows(figure) -> list[dict]:
    columns, rows = figure.table
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_report_files(report) -> None:
    directory = report.directory
    assert [f.slug for f in report.figures] == ["1-partner-series", "2-net-balance-timeline",
                                                "3-restrictiveness", "4-codebook-themes"]
    for figure in report.figures:
        png = directory / "figures" / f"{figure.slug}.png"
        assert png.read_bytes()[:8] == PNG_MAGIC and png.stat().st_size > 20_000
        svg = ET.parse(directory / "figures" / f"{figure.slug}.svg").getroot()
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        with open(directory / "data" / f"{figure.slug}.csv", encoding="utf-8") as handle:
            table = list(csv.reader(handle))
        assert table[0] == figure.table[0] and len(table) - 1 == len(figure.table[1]) > 0
        assert figure.passages, f"{figure.slug} lists no passages"
        for run in figure.runs:
            copied = directory / "queries" / f"{run.query.name}.rq"
            assert copied.read_text(encoding="utf-8") == (QUERIES_DIR / f"{run.query.name}.rq").read_text(
                encoding="utf-8")
    page = (directory / "index.html").read_text(encoding="utf-8")
    for figure in report.figures:
        assert f'src="figures/{figure.slug}.svg"' in page and f'href="figures/{figure.slug}.png"' in page
    assert sorted(p.name for p in directory.parent.glob(".report.*")) == sorted(
        [".report.lock", directory.resolve().name]), "temporary directories left behind"


def test_partner_series_against_the_document(report) -> None:
    rows = _figure(report, "partner-series").table
    found = {(r["direction"], r["country"], r["year"]): r for r in _rows(_figure(report, "partner-series"))}
    assert rows
    # Uzbekistan, the largest source of immigrants 2004-2005 (lines 198-200)
    assert found[("IMM", "UZB", 2005)]["value"] == 44648
    assert "199-200" in found[("IMM", "UZB", 2005)]["passages"]
    # Russia, the main destination of emigrants in 2000 (lines 213-214)
    assert found[("EMI", "RUS", 2000)]["value"] == 108724
    # five main partners per direction, Russia and Germany the top destinations of 2000 (line 214)
    destinations = [c for d, c, _ in found if d == "EMI"]
    assert {"RUS", "DEU"} <= set(destinations) and len(set(destinations)) == 5
    assert len({c for d, c, _ in found if d == "IMM"}) == 5


def test_net_balance_and_timeline_against_the_document(report) -> None:
    figure = _figure(report, "net-balance-timeline")
    heading, columns, balance = figure.extra
    by_year = {row[0]: dict(zip(columns, row, strict=True)) for row in balance}
    # the net balances of 2022 and 2023 (lines 923-924), the first positive since 2011
    assert by_year[2022]["net"] == -6722 and by_year[2023]["net"] == 9293
    assert by_year[2023]["immigrants"] is None or by_year[2023]["computedNet"] is not None
    # emigration 2021 (26,717) and 2022 (19,383), lines 916-918
    assert by_year[2021]["emigrants"] == 26717 and by_year[2022]["emigrants"] == 19383
    items = _rows(figure)
    war = [r for r in items if r["kind"] == "event" and r["date"] == "2022-02-24"]
    assert war and "Ukraine" in war[0]["label"]
    visa = [r for r in items if r["kind"] == "event" and r["date"] == "2022-01-01"]
    assert visa, "the restoration of the visa-free regime on 1 January 2022 (line 903-904)"
    assert all(r["mark"].startswith("E") for r in items if r["kind"] == "event")
    assert all(r["mark"].startswith("M") for r in items if r["kind"] == "measure")
    dates = [r["date"] for r in items if r["kind"] == "event"]
    assert dates == sorted(dates, key=lambda d: (d[:4], d))


def test_restrictiveness_counts_every_measure(report, release) -> None:
    figure = _figure(report, "restrictiveness")
    drawn = sum(r["measures"] for r in _rows(figure))
    stored = release.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kzo:PolicyMeasure ; "
                           "kzo:changeInRestrictiveness ?c }")[0]["n"]
    assert drawn == stored > 0
    assert {r["restrictiveness"] for r in _rows(figure)} >= {1, -1}


def test_codebook_themes(report) -> None:
    rows = _rows(_figure(report, "codebook-themes"))
    assert sorted(r["notation"] for r in rows) == [f"B{i}" for i in range(1, 9)]
    assert all(r["codes"] > 0 for r in rows)
    assert [r["codes"] for r in rows] == sorted((r["codes"] for r in rows), reverse=True)


def test_report_command(release, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["report", "--store", str(release.dir / "store"),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"report written to {out / 'index.html'}: 4 figures" in result.output
    assert (out / "index.html").is_file()


def test_failed_report_leaves_the_previous_one(release, tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "index.html").write_text("previous", encoding="utf-8")
    (out / MARKER).write_text('{"command": "report"}', encoding="utf-8")
    queries = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR, queries)
    (queries / "rq-codebook-themes.rq").unlink()
    with pytest.raises(KzmigError, match="rq-codebook-themes"):
        build_report(release.dir / "store", out, queries_dir=queries)
    assert (out / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".report.lock", "queries", "report"]


def test_report_without_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--store", str(tmp_path / "none"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "run `kzmig-kg build` first" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                    reason="headless Chromium is not installed (Debian packages chromium and "
                           "chromium-driver: apt-get install -y chromium chromium-driver)")
def test_report_renders_in_headless_chromium(report) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--window-size=1280,2000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get((report.directory / "index.html").resolve().as_uri())
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return document.readyState === 'complete' && "
                                       "Array.from(document.images).every(i => i.complete)"))
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.getAttribute('src'), i.naturalWidth])")
        assert len(images) == len(report.figures) == 4
        assert all(width > 0 for _, width in images), images
        # the PNG of every figure loads too
        pngs = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const links = Array.from(document.querySelectorAll('a[href$=".png"]'));
            Promise.all(links.map(a => new Promise(resolve => {
                const img = new Image();
                img.onload = () => resolve([a.getAttribute('href'), img.naturalWidth]);
                img.onerror = () => resolve([a.getAttribute('href'), 0]);
                img.src = a.href;
            }))).then(done);""")
        assert len(pngs) == 4 and all(width > 0 for _, width in pngs), pngs
        tables = driver.execute_script("return document.querySelectorAll('table').length")
        assert tables >= 4
        errors = [entry for entry in driver.get_log("browser")
                  if entry["level"] in ("SEVERE", "WARNING")]
        assert errors == [], errors
    finally:
        driver.quit()


def test_codebook_figure_has_one_measure_per_axis(release) -> None:
    import matplotlib

    matplotlib.use("Agg")
    figure = _codebook(release.store, QUERIES_DIR)
    listed, counted = figure.drawing.axes
    assert listed.get_xlabel() == "codes (rows of the codebook)"
    assert counted.get_xlabel() == "counts (numbers the codebook prints)"
    rows = {r["label"]: r for r in _rows(figure)}
    widths = {bar.get_y(): bar.get_width() for bar in listed.patches}
    assert sorted(widths.values()) == sorted(r["codes"] for r in rows.values())
    assert max(bar.get_width() for bar in listed.patches) == max(r["codes"] for r in rows.values())
    import matplotlib.pyplot as plt
    plt.close(figure.drawing)


def test_event_labels_do_not_overlap(release) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = _balance_timeline(release.store, QUERIES_DIR)
    renderer = figure.drawing.canvas.get_renderer()
    top = figure.drawing.axes[0]
    boxes = sorted((text.get_window_extent(renderer) for text in top.texts
                    if text.get_text().startswith("E")), key=lambda box: box.x0)
    events = sum(1 for row in _rows(figure) if row["kind"] == "event")
    assert len(boxes) >= 10 and events >= 30
    assert all(left.x1 <= right.x0 for left, right in zip(boxes, boxes[1:], strict=False)), \
        "labels overlap"
    plt.close(figure.drawing)


def test_passages_behind_a_figure_are_links_with_their_text(report) -> None:
    page = (report.directory / "index.html").read_text(encoding="utf-8")
    figure = _figure(report, "partner-series")
    assert "213-214" in figure.passages
    expected = html.escape("\n".join(thesis_lines()[212:214]))
    assert ('<details class="passage"><summary><a href="https://w3id.org/kzmig/id/passage/thesis/'
            'L213-214">lines 213-214</a> (1.1 1991-2007)</summary><blockquote>'
            + expected + "</blockquote></details>") in page
    total = sum(len(f.passages) for f in report.figures)
    assert page.count('<details class="passage">') == total
