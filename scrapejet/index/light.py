"""The embedding model for questions, without torch: a BERT encoder (the
bundled all-MiniLM-L6-v2, or any local sentence-transformers model of the
same kind: BERT layers, mean pooling, normalised) run in NumPy from its
``model.safetensors``, its words cut by the ``tokenizers`` library from its
``tokenizer.json``.

Why: ``scrapejet ask`` embeds one question and a few hundred sentences.
Importing torch, transformers and sentence-transformers for that costs
seven to nine seconds of the command's ten on 2 cores; this reads the same
weights in under a second and gives the same vectors (cosine 0.999999 with
sentence-transformers' float32 ones: ``tests/test_index.py``). Indexing many
pages still runs in torch (``model.EmbeddingModel``): batches, threads, a GPU.

A model this cannot read (another architecture, pooling or file format) is
reported by ``LightModel.load`` returning None; callers then load torch's."""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import Any

import numpy as np

# sentence-transformers' modules this reads, in order, by their type
_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]
# Texts encoded in one pass, after sorting them by length: small passes pad
# each text to a length near its own (a pass of 64 sentences padded 57 of
# them from ~50 words to 86, 1.7x the work)
_BATCH = 16


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form: BERT's is the exact (erf) one, which NumPy lacks;
    the two differ by under 1e-3, the sentence vectors by under 1e-6 in cosine,
    and the tanh form costs a third of an erf series."""
    # (in place: the intermediate layer is the model's largest array)
    t = x * x
    t *= np.float32(0.044715)
    t += np.float32(1.0)
    t *= x
    t *= np.float32(math.sqrt(2.0 / math.pi))
    np.tanh(t, out=t)
    t += np.float32(1.0)
    t *= x
    t *= np.float32(0.5)
    return t


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class LightModel:
    """``encode(texts)``: float32 (len(texts), dim), rows of unit length, as
    ``model.EmbeddingModel.encode`` gives them."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer: Any, config: dict[str, Any], name: str,
                 pad_id: int = 0):
        self.w = weights
        self.pad_id = pad_id
        self.tokenizer = tokenizer
        self.name = name
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.dim = int(config["hidden_size"])
        self.device = "cpu"
        self.batch_size = _BATCH  # (what an indexer embeds at a time asks for)
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str, name: str) -> LightModel | None:
        folder = Path(path)
        try:
            modules = [m["type"] for m in json.loads((folder / "modules.json").read_text())]
            config = json.loads((folder / "config.json").read_text())
            pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
            limit = int(json.loads((folder / "sentence_bert_config.json").read_text()).get("max_seq_length") or 512)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if (modules != _MODULES or config.get("model_type") != "bert" or config.get("hidden_act") != "gelu"
                or config.get("position_embedding_type", "absolute") != "absolute"
                or not pooling.get("pooling_mode_mean_tokens")
                or any(pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                                 "pooling_mode_mean_sqrt_len_tokens"))
                or not (folder / "model.safetensors").exists() or not (folder / "tokenizer.json").exists()):
            return None
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(folder / "model.safetensors").items()}
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=min(limit, int(config.get("max_position_embeddings", 512))))
        tokenizer.no_padding()
        return cls(weights, tokenizer, config, name, pad_id=int(config.get("pad_token_id", 0)))

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            words = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
            # (sorted by length, as sentence-transformers does: less padding per pass)
            order = sorted(range(len(texts)), key=lambda i: -len(words[i]))
            out = np.zeros((len(texts), self.dim), dtype=np.float32)
            for start in range(0, len(order), _BATCH):
                chunk = order[start:start + _BATCH]
                out[chunk] = self._forward([words[i] for i in chunk])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def _forward(self, words: list[list[int]]) -> np.ndarray:
        """The pooled vectors of texts given as their word ids."""
        w, eps = self.w, self.eps
        batch, length = len(words), max(len(ids) for ids in words)
        ids = np.full((batch, length), self.pad_id, dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.float32)
        for row, text in enumerate(words):
            ids[row, :len(text)] = text
            mask[row, :len(text)] = 1.0
        # (one text per input: every word is of token type 0)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        heads, size = self.heads, self.dim // self.heads
        # padding is never attended to
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(np.finfo(np.float32).min)
        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            def dense(h: np.ndarray, name: str) -> np.ndarray:
                # (one matrix product for the whole batch: a 3-D product loops over it)
                out = h.reshape(-1, h.shape[-1]) @ w[f"{p}{name}.weight"].T + w[f"{p}{name}.bias"]
                return out.reshape(batch, length, -1)

            def split(h: np.ndarray) -> np.ndarray:
                return h.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

            q, k, v = (split(dense(x, f"attention.self.{part}")) for part in ("query", "key", "value"))
            # (in place: the batch's scores are its largest array, 12 heads x words x words)
            scores = (q * np.float32(1.0 / math.sqrt(size))) @ k.transpose(0, 1, 3, 2)
            scores += blocked
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = scores @ v
            context = context.transpose(0, 2, 1, 3).reshape(batch, length, self.dim)
            x = _layer_norm(dense(context, "attention.output.dense") + x,
                            w[f"{p}attention.output.LayerNorm.weight"], w[f"{p}attention.output.LayerNorm.bias"], eps)
            inner = _gelu(dense(x, "intermediate.dense"))
            x = _layer_norm(dense(inner, "output.dense") + x,
                            w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"], eps)
        # the mean of the words' vectors, padding left out
        summed = (x * mask[:, :, None]).sum(1)
        return (summed / np.maximum(mask.sum(1, keepdims=True), 1e-9)).astype(np.float32)
