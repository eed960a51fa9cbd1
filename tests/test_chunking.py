"""Chunking a page by its structure (a pure function)."""

from __future__ import annotations

from scrapejet.extract.chunking import chunk_page


def sentences(topic: str, n: int) -> str:
    return " ".join(f"The {topic} fact number {i} is stated here in plain words." for i in range(n))


PAGE = f"""# Juniper & Pine

Hand-made outdoor gear for slow weekends.

## Shipping

We ship within the country for free. International orders ship twice a month.

- Germany: 4 days
- France: 5 days
- Spain: 6 days

## Returns

{sentences("returns", 60)}

### Damaged items

Send us a photo of the damage and we replace the item.

| size | price |
|------|-------|
| S | 10 |
| L | 12 |
"""


def test_headings_give_paths_and_sections_are_kept_together():
    chunks = chunk_page(PAGE, title="Shop", max_words=120, overlap=30)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert all(c.title == "Shop" for c in chunks)
    # the short opening sections share the first chunk, under the page heading
    first = chunks[0]
    assert first.heading_path == ["Juniper & Pine"]
    assert "We ship within the country" in first.text and "- France: 5 days" in first.text
    # the list is whole in one chunk
    assert sum("Germany: 4 days" in c.text and "Spain: 6 days" in c.text for c in chunks) == 1
    # the long section is cut by size, each part under its own heading path
    returns = [c for c in chunks if c.heading_path == ["Juniper & Pine", "Returns"]]
    assert len(returns) >= 3
    assert all(c.words <= 120 for c in chunks)
    damaged = [c for c in chunks if c.heading_path == ["Juniper & Pine", "Returns", "Damaged items"]]
    assert damaged or any("Send us a photo" in c.text for c in returns)
    # table rows become plain text lines, the separator row is gone
    assert any("S 10" in c.text for c in chunks) and not any("---" in c.text for c in chunks)


def test_a_section_cut_by_size_repeats_the_tail_of_the_previous_chunk():
    chunks = chunk_page("## Returns\n\n" + sentences("returns", 60), max_words=100, overlap=30)
    assert len(chunks) >= 4
    for before, after in zip(chunks, chunks[1:]):
        first_sentence = after.text.split(". ")[0]
        assert first_sentence in before.text, "no overlap between consecutive chunks"
        # the overlap starts at a sentence start
        assert after.text.startswith("The returns fact number")
    # every sentence is somewhere
    text = " ".join(c.text for c in chunks)
    assert all(f"fact number {i} " in text for i in range(60))


def test_paragraphs_are_not_split_when_they_fit():
    paragraphs = [sentences(f"topic{i}", 5) for i in range(8)]  # ~55 words each
    chunks = chunk_page("\n\n".join(paragraphs), max_words=200, overlap=40)
    for paragraph in paragraphs:
        assert sum(paragraph in c.text for c in chunks) >= 1, "a paragraph was cut"
    assert all(c.words <= 200 for c in chunks)


def test_a_sentence_longer_than_a_chunk_is_cut_between_words():
    words = " ".join(f"w{i}" for i in range(500))
    chunks = chunk_page(words, max_words=100, overlap=20)
    assert len(chunks) >= 5 and all(c.words <= 100 for c in chunks)
    assert "w0 " in chunks[0].text and "w499" in chunks[-1].text


def test_text_is_used_without_markdown_and_empty_pages_have_no_chunks():
    chunks = chunk_page("", text="Just plain text. Two sentences.", title="T")
    assert [(c.text, c.heading_path) for c in chunks] == [("Just plain text. Two sentences.", [])]
    assert chunk_page("", text="") == []
    assert chunk_page("# Only a heading") == []


def test_what_is_embedded_carries_the_title_and_heading_path():
    chunk = chunk_page("# Help\n\n## Shipping\n\nFree within the country.", title="ACME Shop")[0]
    assert chunk.embed_text.startswith("ACME Shop > Help")
    assert len(chunk.content_hash) == 64
    # the same text under another heading is another chunk (another vector)
    other = chunk_page("# Help\n\n## Delivery\n\nFree within the country.", title="ACME Shop")[0]
    assert other.content_hash != chunk.content_hash


def test_markdown_noise_is_dropped():
    chunk = chunk_page("See **our** [catalogue](http://x.test/c) and `code` ![logo](l.png).")[0]
    assert chunk.text == "See our catalogue and code ."


def test_a_long_table_or_list_is_cut_between_its_rows_and_keeps_them_as_lines():
    # a price list longer than a chunk: each row stays a line of its own, so a
    # reader (and the extractive answer) reads "Foto-Torte · … · 54,90 €" alone,
    # not run together with the rows before and after it
    rows = "\n".join(f"| Torte {i} | {20 + i},0 x 30,0 | {i},90 € |" for i in range(80))
    chunks = chunk_page(f"# Preise\n\n{rows}\n", title="Café", max_words=120, overlap=20)
    assert len(chunks) > 1
    lines = [line for c in chunks for line in c.text.split("\n")]
    assert "Torte 41 61,0 x 30,0 41,90 €" in lines, chunks[1].text[:300]
    assert all(line.count("€") <= 1 for line in lines)
