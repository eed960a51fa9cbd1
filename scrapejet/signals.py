"""ScrapeJET's own crawler signals, sent and connected through the
crawler's ``SignalManager`` as Scrapy's are (``scrapy.signals``)."""

# A lease acknowledgement ended a job (on the worker whose ack did it, and
# only there). Arguments: job_id, status ("completed" or "failed"). The
# CrawlerRuntime records the job's history; a spider may emit what sums the
# job up (the business spider's profile).
job_ended = object()
