"""What a request is for, as the frontier and the spiders see it: a page of
the job, or a robots.txt or sitemap fetched to find pages (auxiliary: never
counted against the job's pages). A module of its own, without imports, so
that the job specs, which say where a job starts, can name them."""

PAGE, ROBOTS, SITEMAP = "page", "robots", "sitemap"
