# ScrapeJET: `make crawl URL=...` and `make test` do all set-up themselves.
.PHONY: crawl test bench bench-embeddings bench-scaling bench-broad bench-extraction bench-insights api up clean

URL ?=
MAX_PAGES ?= 100
FORMAT ?= jsonl
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

crawl:
	@test -n "$(URL)" || { echo "usage: make crawl URL=https://example.com [MAX_PAGES=100] [FORMAT=jsonl|json|csv|markdown]"; exit 2; }
	@bash scripts/bootstrap.sh
	.venv/bin/scrapejet crawl "$(URL)" --max-pages $(MAX_PAGES) --format $(FORMAT)

test:
	@bash scripts/bootstrap.sh --test
	.venv/bin/python -m pytest

api:
	@bash scripts/bootstrap.sh
	.venv/bin/scrapejet api --host $(HOST) --port $(PORT) --workers $(WORKERS)

up:
	@bash scripts/bootstrap.sh
	.venv/bin/scrapejet up --host $(HOST) --port $(PORT)

bench:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/crawl_throughput.py

bench-embeddings:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/embeddings.py

bench-scaling:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/scaling.py

bench-broad:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/broad.py

bench-extraction:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/extraction.py

bench-insights:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/insights_qa.py

clean:
	rm -rf .venv data .pytest_cache
