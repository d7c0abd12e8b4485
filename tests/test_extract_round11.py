"""The loader on the causes of the misses of blind rounds 39-40 (blindM, blindN; benchmarks/gold/
README.md, "Fixes after rounds 39-40, by cause"), each in its general form, in phrasings, layouts
and languages no gold document has. One fixture per mechanism, each with a near miss."""

from __future__ import annotations

from .conftest import extracted_figures as figures

# --- tables: a group label centred over its columns ---------------------------------------------


def test_a_direction_centred_over_its_years_heads_every_column_under_it(tmp_path):
    # Russian labels, each direction centred over two years and a change column
    found = figures(tmp_path, "Миграция по странам, человек\n\n"
                              "                         Прибывшие                       Выбывшие\n"
                              "Страна          2023      2024   изменение      2023      2024   изменение\n"
                              "Россия          6 120     5 980     -140       11 300    10 870     -430\n"
                              "Киргизия          830       910      +80          240       255      +15\n")
    assert found[6120] == ("2023", "immigration", "RUS")
    assert found[11300] == ("2023", "emigration", "RUS")
    assert found[10870] == ("2024", "emigration", "RUS")
    assert found[240] == ("2023", "emigration", "KGZ")
    assert 140 not in found and 430 not in found


def test_a_group_label_starting_at_its_first_column_still_heads_the_columns_after_it(tmp_path):
    # near miss: labels aligned left over their columns keep the old rule
    found = figures(tmp_path, "International migration, persons\n\n"
                              "                 Arrivals                      Departures\n"
                              "Country          2023      2024      2025      2023      2024\n"
                              "Russia           5 210     5 150     5 020     10 270    9 940\n")
    assert found[5020] == ("2025", "immigration", "RUS")
    assert found[10270] == ("2023", "emigration", "RUS")
    assert found[9940] == ("2024", "emigration", "RUS")
