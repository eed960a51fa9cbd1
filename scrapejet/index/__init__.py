"""The embedding index: pages cut into chunks (``scrapejet.extract.chunking``,
text processing like the rest of extract), embedded by a
sentence-transformers model (``model``) in one background thread per
process (``embedder``), vectors stored with their chunks in storage, and one
FAISS index per site built from them (``store``), searched together with
keyword matching (``search``).

Importing this package (or ``state``, ``embedder``) imports
neither torch, sentence-transformers, faiss nor numpy: crawler processes pay
for those only once they embed something."""
