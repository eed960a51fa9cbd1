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
    "outside_text",
]


def iso(ts: float | None) -> str | None:
    """A stored timestamp as every output writes it (ISO 8601, UTC)."""
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat() if ts else None


def _public(page: dict[str, Any]) -> dict[str, Any]:
    page = dict(page)
    page.pop("stored_at", None)
    page["fetched_at"] = iso(page.get("fetched_at"))
    return page


def write(pages: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write pages to a text stream; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    n = 0
    if fmt in ("json", "jsonl"):
        n = _write_json(map(_public, pages), fmt, out)
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


def _write_json(objects: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """One object per line (jsonl), or a JSON array written as it goes."""
    n = 0
    if fmt == "jsonl":
        for n, obj in enumerate(objects, 1):
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        return n
    out.write("[")
    for n, obj in enumerate(objects, 1):
        out.write(("," if n > 1 else "") + "\n" + json.dumps(obj, ensure_ascii=False))
    out.write("\n]\n")
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


# -- business profiles ---------------------------------------------------------------
PROFILE_CSV_COLUMNS = ["field", "value", "detail", "found_on"]


def write_profile(profile: dict[str, Any], fmt: str, out: IO[str]) -> None:
    """A business profile as one document: the object (json, jsonl), one row
    per value with where it was found (csv), or a readable page (markdown)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    profile = {**profile, "created_at": iso(profile.get("created_at"))}
    if fmt == "jsonl":
        out.write(json.dumps(profile, ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write(json.dumps(profile, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=PROFILE_CSV_COLUMNS)
        writer.writeheader()
        for row in profile_rows(profile):
            writer.writerow(row)
    else:
        out.write(profile_markdown(profile))


def _found_on(value: dict[str, Any]) -> str:
    return " ".join(f"{f.get('url')} ({f.get('role') or 'page'})" for f in value.get("found_on") or [])


def profile_rows(profile: dict[str, Any]) -> Iterable[dict[str, str]]:
    """(field, value, detail, found_on) rows: what a spreadsheet user filters."""
    provenance = profile.get("provenance") or {}
    for name in ("company_name", "description", "logo", "vat_id", "registration"):
        if profile.get(name):
            yield {"field": name, "value": profile[name], "detail": "",
                   "found_on": _found_on(provenance.get(name) or {})}
    for email in profile.get("emails") or []:
        yield {"field": "email", "value": email.get("email"), "detail": "", "found_on": _found_on(email)}
    for phone in profile.get("phones") or []:
        yield {"field": "phone", "value": phone.get("e164"),
               "detail": f"{phone.get('type') or 'phone'}; as written: {phone.get('as_written') or ''}",
               "found_on": _found_on(phone)}
    for address in profile.get("addresses") or []:
        yield {"field": "address", "value": address_line(address), "detail": address.get("as_written") or "",
               "found_on": _found_on(address)}
    for social in profile.get("socials") or []:
        yield {"field": "social", "value": social.get("url"), "detail": social.get("network") or "",
               "found_on": _found_on(social)}
    for role, url in (profile.get("pages") or {}).items():
        yield {"field": "page", "value": url, "detail": role, "found_on": ""}


# Countries that write the postcode after the town (and after the state or
# province where there is one): "Bristol BS1 4DB", "Austin, TX 78701".
_POSTCODE_AFTER_TOWN = {"GB", "IE", "IN", "NZ"}
_POSTCODE_AFTER_STATE = {"US", "CA", "AU"}


def address_line(address: dict[str, Any]) -> str:
    """An address on one line, from its parts (or as written), in the order
    its country writes them."""
    street, postal, town = address.get("street"), address.get("postal_code"), address.get("locality")
    region, country = address.get("region"), address.get("country")
    if country in _POSTCODE_AFTER_STATE and region:
        parts = [street, town, " ".join(p for p in (region, postal) if p), country]
    elif country in _POSTCODE_AFTER_TOWN or country in _POSTCODE_AFTER_STATE:
        parts = [street, " ".join(p for p in (town, postal) if p), region, country]
    else:
        parts = [street, " ".join(p for p in (postal, town) if p), region, country]
    return ", ".join(p for p in parts if p) or (address.get("as_written") or "")


_WEEK = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day_span(days: list[str]) -> str:
    """"Monday–Friday" for three or more days in a row of the week, else the days listed."""
    index = [_WEEK.index(d) if d in _WEEK else -1 for d in days]
    if len(days) >= 3 and -1 not in index and index == list(range(index[0], index[0] + len(days))):
        return f"{days[0]}–{days[-1]}"
    return ", ".join(days)


def hours_line(value: Any) -> str:
    """An opening-hours entry as published: schema.org text ("Mo-Fr
    09:00-17:00") or an OpeningHoursSpecification ("Monday, Tuesday 09:00–17:00")."""
    if isinstance(value, dict):
        days = value.get("dayOfWeek") or value.get("days") or ""
        if isinstance(days, list):
            days = _day_span([str(d).rsplit("/", 1)[-1] for d in days])
        else:
            days = str(days).rsplit("/", 1)[-1]
        opens, closes = value.get("opens"), value.get("closes")
        text = " ".join(p for p in (days, f"{opens}–{closes}" if opens and closes else "") if p)
        return text or json.dumps(value, ensure_ascii=False)
    return str(value)


def profile_markdown(profile: dict[str, Any]) -> str:
    lines = [f"# {profile.get('company_name') or profile.get('site') or 'Business profile'}", ""]
    if profile.get("description"):
        lines += [f"> {profile['description'].strip()}", ""]
    facts = [f"Site: {profile.get('site') or ''}", f"Job: {profile.get('job_id')}"]
    facts += [f"{label}: {profile[key]}" for key, label in (("vat_id", "VAT ID"), ("registration", "Registration"))
              if profile.get(key)]
    lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]  # (two spaces: a Markdown line break)
    sections = [
        ("Emails", profile.get("emails"), lambda v: v.get("email")),
        ("Phones", profile.get("phones"),
         lambda v: f"{v.get('e164')} ({v.get('type') or 'phone'}; written {v.get('as_written') or v.get('e164')})"),
        ("Addresses", profile.get("addresses"), address_line),
        ("Social profiles", profile.get("socials"), lambda v: f"{v.get('network')}: <{v.get('url')}>"),
    ]
    for title, values, show in sections:
        if not values:
            continue
        lines += [f"## {title}", ""]
        lines += [f"- {show(v)}  \n  found on: {_found_on(v)}" for v in values]
        lines.append("")
    if profile.get("opening_hours"):
        lines += ["## Opening hours", ""]
        lines += [f"- {hours_line(h)}" for h in profile["opening_hours"]]
        lines.append("")
    if profile.get("pages"):
        lines += ["## Pages", ""]
        lines += [f"- {role}: <{url}>" for role, url in profile["pages"].items()]
        lines.append("")
    return "\n".join(lines) + "\n"


# -- backlinks -------------------------------------------------------------------------
BACKLINK_FORMATS = ("json", "jsonl", "csv")
BACKLINK_CSV_COLUMNS = [
    "source_url", "source_domain", "target_url", "target_domain", "anchor_text", "alt", "title", "rel",
    "nofollow", "ugc", "sponsored", "noopener", "link_type", "redirect_url", "is_content", "context", "position",
    "source_status", "source_language", "first_seen", "last_seen", "live", "lost_at", "lost_reason",
    "first_job_id", "last_job_id",
]


def _backlink(record: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in record.items() if k not in ("source_host", "target_host", "lost_job_id")}
    for name in ("first_seen", "last_seen", "lost_at"):
        record[name] = iso(record.get(name))
    return record


def write_backlinks(records: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Stored backlink records to a text stream (json, jsonl, or csv with
    rel space-separated); returns how many were written."""
    if fmt not in BACKLINK_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(BACKLINK_FORMATS)}")
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=BACKLINK_CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for n, record in enumerate(records, 1):
            row = _backlink(record)
            row["rel"] = " ".join(row.get("rel") or [])
            writer.writerow(row)
    else:
        n = _write_json(map(_backlink, records), fmt, out)
    return n
