"""Answers from an OpenAI-compatible chat model (OpenAI, vLLM, Ollama,
llama.cpp's server...), through the ``openai`` client.

The model gets the numbered sources [1]..[k], exactly the passages of the
answer's ``sources`` in that order, and is told to answer only from them,
cite each statement with ``[n]`` and say when they do not hold the answer.
Markers naming no source are removed from its answer and reported."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sources import Source

SYSTEM = (
    "You answer questions about a website using only the numbered sources you are given. "
    "Cite the source of every statement with its number in square brackets, like [1] or [2][3]; "
    "use only the numbers of the sources given. "
    "If the sources do not contain the answer, say that the sources do not say, and do not guess "
    "or use other knowledge. Answer briefly, in the language of the question."
)
# A placeholder key for servers that need none (vLLM, Ollama, llama.cpp):
# the client refuses to start without one.
NO_KEY = "not-needed"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
MARKER = re.compile(r"\[(\s*\d+(?:\s*(?:[,;]|–|-|and)\s*\d+)*\s*)\]")


class LLMError(Exception):
    """The model could not answer (HTTP error, timeout, connection, empty answer)."""


def prompt_sources(sources: list[Source]) -> str:
    blocks = []
    for s in sources:
        head = f"[{s.n}] {s.title or 'Untitled'} ({s.url})"
        if s.heading_path:
            head += f"\nSection: {' > '.join(s.heading_path)}"
        blocks.append(f"{head}\n{s.text.strip()}")
    return "\n\n".join(blocks)


def build_messages(question: str, sources: list[Source]) -> list[dict[str, str]]:
    user = f"Sources:\n\n{prompt_sources(sources)}\n\nQuestion: {question}"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def _numbers(group: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*(?:[,;]|and)\s*", group.strip()):
        bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part) if x]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] < 50:
            out += list(range(bounds[0], bounds[1] + 1))
        else:
            out += bounds
    return out


def check_citations(text: str, count: int) -> tuple[str, list[int], list[int]]:
    """(text with markers of unknown sources removed, cited numbers, dropped numbers).
    ``[1, 7]`` with 3 sources becomes ``[1]``; ``[7]`` disappears."""
    cited: set[int] = set()
    dropped: set[int] = set()

    def repl(match: re.Match) -> str:
        numbers = _numbers(match.group(1))
        good = [n for n in numbers if 1 <= n <= count]
        cited.update(good)
        dropped.update(n for n in numbers if not 1 <= n <= count)
        return "".join(f"[{n}]" for n in dict.fromkeys(good))

    cleaned = MARKER.sub(repl, text)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned)).strip()
    return cleaned, sorted(cited), sorted(dropped)


@dataclass
class ChatModel:
    """One OpenAI-compatible endpoint and model. The client is built once and
    shared by threads (it is thread-safe); timeouts and retries are bounded."""

    model: str
    base_url: str
    api_key: str
    timeout_s: float = 30.0
    max_retries: int = 1
    max_tokens: int = 512

    def __post_init__(self):
        from openai import OpenAI

        self.client = OpenAI(api_key=self.api_key, base_url=self.base_url, timeout=self.timeout_s,
                             max_retries=self.max_retries)

    @classmethod
    def from_settings(cls, settings) -> ChatModel | None:
        """The configured model, or None when neither OPENAI_API_KEY nor
        OPENAI_BASE_URL is set (answers are then extractive)."""
        key, base = settings.get("OPENAI_API_KEY"), settings.get("OPENAI_BASE_URL")
        if not key and not base:
            return None
        return cls(
            model=settings.get("SCRAPEJET_LLM_MODEL"), base_url=base or DEFAULT_BASE_URL, api_key=key or NO_KEY,
            timeout_s=settings.getfloat("SCRAPEJET_LLM_TIMEOUT_S"),
            max_retries=settings.getint("SCRAPEJET_LLM_MAX_RETRIES"),
            max_tokens=settings.getint("SCRAPEJET_LLM_MAX_TOKENS"),
        )

    def complete(self, messages: list[dict[str, str]]) -> str:
        import openai

        attempts = self.max_retries + 1
        try:
            response = self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=0, max_tokens=self.max_tokens,
            )
        except openai.APITimeoutError:
            raise LLMError(f"{self.base_url}: no answer within {self.timeout_s:g}s "
                           f"({attempts} attempt{'s' * (attempts > 1)})") from None
        except openai.APIStatusError as exc:
            # the client retries only these statuses
            retried = exc.status_code >= 500 or exc.status_code in (408, 409, 429)
            tries = f" after {attempts} attempt{'s' * (attempts > 1)}" if retried else ""
            raise LLMError(f"{self.base_url}: HTTP {exc.status_code}{tries}: {str(exc.message)[:300]}") from None
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            raise LLMError(f"{self.base_url}: connection failed after {attempts} "
                           f"attempt{'s' * (attempts > 1)}: {cause}") from None
        except openai.OpenAIError as exc:
            raise LLMError(f"{self.base_url}: {type(exc).__name__}: {exc}") from None
        choices = getattr(response, "choices", None) or []
        content = choices[0].message.content if choices and choices[0].message else None
        if not content or not content.strip():
            raise LLMError(f"{self.base_url}: the model {self.model!r} returned an empty answer")
        return content.strip()
