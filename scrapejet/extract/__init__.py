"""Pure page-extraction functions: HTML and its final URL in, plain data out."""

from scrapejet.extract.links import Link, extract_links
from scrapejet.extract.page import extract_page

__all__ = ["Link", "extract_links", "extract_page"]
