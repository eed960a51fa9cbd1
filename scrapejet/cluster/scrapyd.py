"""What ScrapeJET adds to scrapyd on its nodes (deploy/scrapyd.conf).

scrapyd's ``schedule.json`` consumes ``priority`` (the order of its own
pending jobs) and never hands it to the spider, so ``curl
node:6800/schedule.json -d spider=generic -d url=... -d priority=7`` would
create a job at the default priority. This ``schedule.json`` also passes it
to the spider as ``job_priority``, which the spiders take as the job's
priority (1-9) unless a ``-d job_priority`` was given. Needs scrapejet
importable by the scrapyd process: nodes install the project's requirements
and the project itself (see docs/deployment.md)."""

from __future__ import annotations

from scrapyd import webservice


class Schedule(webservice.Schedule):
    def render_POST(self, txrequest):
        priority = txrequest.args.get(b"priority")
        if priority and b"job_priority" not in txrequest.args:
            txrequest.args[b"job_priority"] = list(priority)
        return super().render_POST(txrequest)
