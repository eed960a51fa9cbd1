"""The project's settings: what Scrapy loads, and the light reader commands use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from scrapy.settings import default_settings

from tests.conftest import ROOT

REMOTE_CONTROL = "scrapy.extensions.remote_control.RemoteControl"
COOKIES = "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"


def _settings_in_a_fresh_process(**environ) -> dict:
    """The project's settings as a new process with ``environ`` sees them,
    through Scrapy and through ProjectSettings."""
    script = (
        "import json; from scrapejet.runtime import ProjectSettings, load_settings\n"
        "s = load_settings(); light = ProjectSettings.load()\n"
        "names = sorted(n for n in light if n.startswith('SCRAPEJET_') or n in ('REDIS_URL', 'DATABASE_URL'))\n"
        "print(json.dumps({'scrapy': {n: s.get(n) for n in names}, 'light': {n: light.get(n) for n in names},\n"
        "  'extensions': sorted(k for k, v in s.getwithbase('EXTENSIONS').items() if v is not None),\n"
        "  'downloader': sorted(k for k, v in s.getwithbase('DOWNLOADER_MIDDLEWARES').items() if v is not None),\n"
        "  'remote_control': s.getbool('REMOTE_CONTROL_ENABLED')}))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPEJET_", "REDIS_URL", "DATABASE_URL"))}
    env.update(environ)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_base_component_lists_are_scrapys_less_what_is_never_used():
    import scrapejet.settings as project

    assert project.EXTENSIONS_BASE == {k: v for k, v in default_settings.EXTENSIONS_BASE.items() if k != REMOTE_CONTROL}
    assert project.DOWNLOADER_MIDDLEWARES_BASE == {
        k: v for k, v in default_settings.DOWNLOADER_MIDDLEWARES_BASE.items() if k != COOKIES
    }
    assert project.COOKIES_ENABLED is False


def test_remote_control_is_loaded_only_when_asked_for():
    off = _settings_in_a_fresh_process()
    assert REMOTE_CONTROL not in off["extensions"] and not off["remote_control"]
    assert "scrapejet.scheduler.worker.Worker" in off["extensions"]
    assert COOKIES not in off["downloader"]
    on = _settings_in_a_fresh_process(SCRAPEJET_REMOTE_CONTROL="1")
    assert REMOTE_CONTROL in on["extensions"] and on["remote_control"]


def test_the_light_reader_sees_what_scrapy_sees():
    seen = _settings_in_a_fresh_process(SCRAPEJET_DATA_DIR="/tmp/elsewhere", SCRAPEJET_TRACKING_PARAMS='["ref"]',
                                        REDIS_URL="redis://127.0.0.1:1/3", SCRAPEJET_GC_FREEZE="0")
    assert seen["light"] == seen["scrapy"]
    assert seen["light"]["SCRAPEJET_DATA_DIR"] == "/tmp/elsewhere"
    assert seen["light"]["SCRAPEJET_TRACKING_PARAMS"] == ["ref"]
    assert seen["light"]["REDIS_URL"] == "redis://127.0.0.1:1/3"
    assert seen["light"]["SCRAPEJET_GC_FREEZE"] is False


def test_the_light_reader_reads_values_as_scrapy_does():
    from scrapejet.runtime import ProjectSettings

    light = ProjectSettings({"N": "7", "F": "0.5", "B": "true", "B0": "0", "L": "a,b", "D": '{"x": 1}', "NONE": None})
    assert light.getint("N") == 7 and light.getfloat("F") == 0.5
    assert light.getbool("B") is True and light.getbool("B0") is False and light.getbool("MISSING") is False
    assert light.getlist("L") == ["a", "b"] and light.getdict("D") == {"x": 1}
    assert light.get("NONE", "default") == "default" and light.getint("MISSING", 3) == 3
