"""Splitting a page into chunks by its structure: a pure function of the
page's Markdown (or text), tested on its own.

Headings open sections and give each chunk its heading path; paragraphs,
lists and tables are blocks kept whole where they fit. Blocks are packed
into chunks of up to ``max_words`` words. A chunk that is already half full
ends at the next heading, so chunks follow sections; a small section joins
its neighbour rather than making a chunk of a few words. Only where a
section is cut by size does the next chunk repeat the last ``overlap`` words
(whole sentences where possible), so a fact split by the cut is still whole
in one of the two. A block longer than a chunk is cut at sentence ends.

What a chunk is embedded as (``embed_text``) starts with the page title and
the heading path: "Shipping" under "Help" on "ACME Shop" is found by a
question about ACME's shipping even if the paragraph never says "ACME"."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…。])\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_NOISE = re.compile(r"(\*\*|__|`)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class Chunk:
    text: str
    heading_path: list[str] = field(default_factory=list)
    position: int = 0
    title: str | None = None

    @property
    def embed_text(self) -> str:
        context = " > ".join(p for p in [self.title or "", *self.heading_path] if p)
        return f"{context}\n{self.text}" if context else self.text

    @property
    def content_hash(self) -> str:
        # Of what is embedded, so a vector is reused only when its input is the same.
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Block:
    text: str
    path: tuple[str, ...]
    heading: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def _clean(line: str) -> str:
    line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    return _MD_NOISE.sub("", line).strip()


def _blocks(markdown: str) -> list[_Block]:
    """Blocks in reading order, each with the heading path it sits under.
    A heading is a block too (its text belongs to the chunk that starts
    the section, so a heading's words are searchable)."""
    blocks: list[_Block] = []
    path: list[tuple[int, str]] = []
    current: list[str] = []
    kind = ""  # "list", "table" or "para": lines of one kind stay one block

    def close():
        nonlocal current, kind
        text = "\n".join(current).strip()
        if text:
            blocks.append(_Block(text, tuple(t for _, t in path)))
        current, kind = [], ""

    def heading(level: int, text: str):
        close()
        text = _clean(text)
        if not text:
            return
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, text))
        blocks.append(_Block(text, tuple(t for _, t in path), heading=True))

    lines = markdown.replace("\r\n", "\n").split("\n")
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        m = _HEADING.match(line.lstrip())
        if m and len(line) - len(line.lstrip()) < 4:
            heading(len(m.group(1)), m.group(2))
            continue
        if _SETEXT.match(line) and len(current) == 1 and kind == "para":
            text = current[0]
            current, kind = [], ""
            heading(1 if line.startswith("=") else 2, text)
            continue
        if not line.strip():
            if kind != "list":  # a list with blank lines between items is still one list
                close()
            continue
        this = "table" if line.lstrip().startswith("|") else "list" if _LIST.match(line) else "para"
        if kind == "list" and this == "para" and raw.startswith((" ", "\t")):
            this = "list"  # continuation of an item
        if kind and this != kind:
            close()
        kind = this
        if this == "table" and set(line.replace("|", "").strip()) <= set("-: "):
            continue  # the |---|---| separator row
        current.append(_clean(line) if this != "table" else " ".join(c.strip() for c in line.strip("|").split("|")))
    close()
    return blocks


def _split_long(text: str, max_words: int) -> list[str]:
    """Pieces of at most ``max_words`` words, cut at line ends or sentence
    ends (or, for a sentence longer than that, between words). A block's
    lines stay lines: the rows of a long price table or list are read one by
    one, not as one run ("… 16,00 € Schoko-Sektflasche · 250 g …")."""
    pieces: list[str] = []
    current = ""
    count = 0

    def close() -> None:
        nonlocal current, count
        if current.strip():
            pieces.append(current)
        current, count = "", 0

    for line in text.split("\n"):
        for first, sentence in enumerate(_SENTENCE_END.split(line)):
            words = sentence.split()
            while len(words) > max_words:
                close()
                pieces.append(" ".join(words[:max_words]))
                words = words[max_words:]
            if count + len(words) > max_words and current:
                close()
            if words:
                current += ("" if not current else " " if first else "\n") + " ".join(words)
                count += len(words)
    close()
    return pieces


def _tail(text: str, overlap: int) -> str:
    """The last ``overlap`` words of a chunk, starting at a sentence start
    if one lies within them."""
    if overlap <= 0:
        return ""
    words = text.split()
    if len(words) <= overlap:
        return ""
    # (whole lines, where the text is lines: the last rows of a table or list)
    lines: list[str] = []
    for line in reversed(text.split("\n")):
        if sum(len(x.split()) for x in lines) + len(line.split()) > overlap:
            break
        lines.insert(0, line)
    if lines and len(lines) < text.count("\n") + 1 and sum(len(x.split()) for x in lines) >= overlap // 3:
        return "\n".join(lines)
    tail = " ".join(words[-overlap:])
    sentences = _SENTENCE_END.split(tail)
    if len(sentences) > 1 and len(" ".join(sentences[1:]).split()) >= overlap // 3:
        return " ".join(sentences[1:])
    return tail


def chunk_page(markdown: str, *, title: str | None = None, text: str = "", max_words: int = 200,
               overlap: int = 40) -> list[Chunk]:
    """The chunks of one page, in reading order (``position`` 0, 1, ...).

    ``markdown`` is preferred; ``text`` is used when a page has no Markdown."""
    max_words = max(20, max_words)
    overlap = max(0, min(overlap, max_words // 2))
    source = markdown if (markdown or "").strip() else (text or "")
    blocks: list[_Block] = []
    for block in _blocks(source):
        if block.words > max_words:
            blocks.extend(_Block(p, block.path) for p in _split_long(block.text, max_words - overlap))
        else:
            blocks.append(block)

    chunks: list[Chunk] = []
    parts: list[_Block] = []
    path: tuple[str, ...] = ()

    def words_of(blocks: list[_Block]) -> int:
        return sum(b.words for b in blocks)

    def emit() -> list[_Block]:
        """Close the chunk; what the next one starts with: headings left at
        its end (they belong to what follows)."""
        nonlocal parts
        carry: list[_Block] = []
        while parts and parts[-1].heading:
            carry.insert(0, parts.pop())
        if any(not b.heading for b in parts):
            chunks.append(Chunk("\n".join(b.text for b in parts), list(path), len(chunks), title))
        parts = []
        return carry

    for block in blocks:
        if block.heading and words_of(parts) >= max_words // 2:
            parts = emit()
        if parts and words_of(parts) + block.words > max_words:
            same_section = not block.heading and parts[-1].path == block.path and not parts[-1].heading
            tail = _tail("\n".join(b.text for b in parts), overlap) if same_section else ""
            parts = emit()
            if tail:
                parts = [_Block(tail, block.path)]
        if not parts or all(b.heading for b in parts):
            path = block.path
        parts.append(block)
    emit()
    return chunks


# The heading path of a chunk of a page's outside text (extract.outside).
OUTSIDE = "Around the main content"
_FACT_MARK = re.compile(r"\d|@")


def outside_chunks(outside_text: str, *, start: int = 0, max_words: int = 200, overlap: int = 40) -> list[Chunk]:
    """Chunks of a page's outside text: each stretch of it (a header, a
    footer, a sidebar, a dropped card) apart, untitled, under the heading
    ``OUTSIDE``, so the footer every page repeats makes the same chunk on
    every page and is stored once per site. A stretch of a few words with
    no figure or address (a lone heading, "Read more") is no chunk."""
    chunks: list[Chunk] = []
    for run in re.split(r"\n\s*\n", outside_text or ""):
        run = run.strip()
        if len(run.split()) < 4 and not _FACT_MARK.search(run):
            continue
        for piece in chunk_page(run, max_words=max_words, overlap=overlap):
            chunks.append(Chunk(piece.text, [OUTSIDE], start + len(chunks)))
    return chunks
