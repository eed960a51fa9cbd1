"""What `-O FILE` feeds (and scrapyd's items file) hold for spiders whose
result is not every item they produce."""

from __future__ import annotations


def restrict_feeds(settings, setting: str, choices: dict[str, list[str]], default: str) -> None:
    """Give every feed without its own ``item_classes`` the item classes
    that ``settings[setting]`` names among ``choices`` (any other value,
    such as "all": every item)."""
    wanted = choices.get(str(settings.get(setting, default)).lower())
    feeds = settings.getdict("FEEDS")
    if not wanted or not feeds:
        return
    changed = {
        uri: options if options.get("item_classes") else {**options, "item_classes": wanted}
        for uri, options in feeds.items()
    }
    # One above the feeds' own priority: `scrapy crawl` re-applies the
    # command-line settings to the crawler after this (Scrapy 2.19
    # CrawlerRunner.create_crawler), which would undo an equal one.
    settings.set("FEEDS", changed, priority=(settings.getpriority("FEEDS") or 0) + 1)
