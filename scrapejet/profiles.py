"""A business job's profile: built from what its pages said, stored once.

The business spider emits the profile when the job's last request is
acknowledged (so ``-O profile.jsonl`` and scrapyd's items file hold it), and
every reader (``scrapejet export``, the API) goes through ``job_profile``,
which builds and stores it from the stored pages if no worker did (one died
at that moment, or the job was cancelled). Building is idempotent: the
pages are in storage, the profile is a function of them."""

from __future__ import annotations

from typing import Any

from .urls import site_host


def build_profile(storage, job_id: str, url: str) -> dict[str, Any]:
    """The merged profile of a job's stored business pages (not stored)."""
    from .extract.profile import merge_profile

    return merge_profile(storage.list_page_contacts(job_id), job_id=job_id, site=site_host(url))


def job_profile(storage, job) -> dict[str, Any] | None:
    """The stored profile of a business job, built (and stored) from its
    pages when the job is over and none was stored; None while it runs
    (pass ``partial``-style reads to ``build_profile`` instead)."""
    profile = storage.get_profile(job.job_id)
    if profile is None and job.done:
        profile = build_profile(storage, job.job_id, job.spec["url"])
        storage.save_profile(profile)
    return profile


def site_profile(storage, site: str) -> dict[str, Any] | None:
    """A site's business profile for answering questions: the latest stored
    one (a business job's), else one built from the pages of its latest
    crawl that were read with their contact data (a generic crawl reads its
    start page and its contact, about and legal pages so); None when no
    page of the site was."""
    profile = storage.latest_profile(site)
    if profile is not None:
        return profile
    job_id = storage.latest_contacts_job(site)
    if job_id is None:
        return None
    from .extract.profile import merge_profile

    return merge_profile(storage.list_page_contacts(job_id), job_id=job_id, site=site)
