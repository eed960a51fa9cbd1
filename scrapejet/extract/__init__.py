"""Pure page-extraction functions: HTML and its final URL in, plain data out.

Import what you need from its module (``extract.page.extract_page``,
``extract.links.extract_links``, ``extract.chunking.chunk_page``): this
package imports nothing itself, so storage, which chunks pages, does not
load trafilatura for a command that only lists jobs."""
