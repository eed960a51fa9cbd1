"""The embedding index: pages cut into chunks (``chunking``), embedded by a
sentence-transformers model (``model``) in one background thread per
process (``embedder``), vectors stored with their chunks in storage, and one
FAISS index per site built from them (``store``), searched together with
keyword matching (``search``).

Importing this package (or ``chunking``, ``state``, ``embedder``) imports
neither torch, sentence-transformers, faiss nor numpy: crawler processes pay
for those only once they embed something."""
