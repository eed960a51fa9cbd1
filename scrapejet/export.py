"""Output formats for a job's pages: json, jsonl, csv, markdown.

Used by ``scrapejet crawl``/``scrapejet export`` and by the API's result
downloads, so a job exported any way reads the same."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import IO, Any

FORMATS = ("jsonl", "json", "csv", "markdown")
EXTENSIONS = {"jsonl": "jsonl", "json": "json", "csv": "csv", "markdown": "md"}
CSV_COLUMNS = [
    "url", "final_url", "status", "depth", "fetched_at", "title", "description", "language",
    "word_count", "content_hash", "site", "page_type", "headings", "meta", "links", "text",
]


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat() if ts else None


def _public(page: dict[str, Any]) -> dict[str, Any]:
    page = dict(page)
    page.pop("stored_at", None)
    page["fetched_at"] = _iso(page.get("fetched_at"))
    return page


def write(pages: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write pages to a text stream; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for n, page in enumerate(pages, 1):
            out.write(json.dumps(_public(page), ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write("[")
        for n, page in enumerate(pages, 1):
            out.write(("," if n > 1 else "") + "\n" + json.dumps(_public(page), ensure_ascii=False))
        out.write("\n]\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for n, page in enumerate(pages, 1):
            row = _public(page)
            for name in ("headings", "meta", "links"):
                row[name] = json.dumps(row.get(name) or ([] if name == "headings" else {}), ensure_ascii=False)
            writer.writerow(row)
    else:
        for n, page in enumerate(pages, 1):
            out.write(markdown_document(page))
    return n


def markdown_document(page: dict[str, Any]) -> str:
    """One readable Markdown document for a page, with its source on top."""
    title = (page.get("title") or page.get("final_url") or page["url"]).strip()
    lines = [f"# {title}", "", f"<{page.get('final_url') or page['url']}>", ""]
    if page.get("description"):
        lines += [f"> {page['description'].strip()}", ""]
    body = (page.get("markdown") or page.get("text") or "").strip()
    lines += [body, "", "---", "", ""]
    return "\n".join(lines)
