# ScrapeJET: `make crawl URL=...` and `make test` do all set-up themselves.
.PHONY: crawl test bench clean

URL ?=
MAX_PAGES ?= 100
FORMAT ?= jsonl

crawl:
	@test -n "$(URL)" || { echo "usage: make crawl URL=https://example.com [MAX_PAGES=100] [FORMAT=jsonl|json|csv|markdown]"; exit 2; }
	@bash scripts/bootstrap.sh
	.venv/bin/scrapejet crawl "$(URL)" --max-pages $(MAX_PAGES) --format $(FORMAT)

test:
	@bash scripts/bootstrap.sh --test
	.venv/bin/python -m pytest

bench:
	@bash scripts/bootstrap.sh
	.venv/bin/python bench/crawl_throughput.py

clean:
	rm -rf .venv data .pytest_cache
