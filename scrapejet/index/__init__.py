"""The embedding index: pages cut into chunks (``scrapejet.extract.chunking``,
text processing like the rest of extract), embedded by a
sentence-transformers model (``model``) by the indexers that serve the
queue of stored pages (``indexer``), vectors stored with their chunks in storage, and one
FAISS index per site built from them (``store``), searched together with
keyword matching (``search``).

Importing this package (or ``state``, ``indexer``) imports
neither torch, sentence-transformers, faiss nor numpy: crawler processes
never pay for them, an indexer only once it embeds something."""
