"""The kinds of job and the spider that serves each.

A kind is a spec (``specs.SPECS``: what a user may ask, where a job
starts) and a spider (``spiders/``: what its responses give); this table
joins the two. A module without imports: listing queues and jobs
(``scrapejet status``, the API) reads it without loading pydantic."""

KIND_SPIDER = {"crawl": "generic", "business": "business", "backlinks": "backlink"}
# the spiders, each with its shared queue
SPIDERS = tuple(KIND_SPIDER.values())
