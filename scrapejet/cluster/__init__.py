"""Running ScrapeJET on scrapyd nodes: what the API asks of the nodes
(``nodes``), the scrapyd service ScrapeJET installs on them (``scrapyd``),
and the embedded single-machine stack of ``scrapejet up`` (``up``)."""
