"""Request and response bodies of the HTTP API (pydantic), one module per
blueprint (``models.scrape`` for ``api/scrape.py``...), shared pieces in
``models.common``. The OpenAPI document is generated from these, so field
descriptions here are the API's reference documentation.

A request model declares its job fields with the field types of
``scrapejet.specs``, which hold their bounds and validators; it adds only
what is the API's own: aliases (``expected_pages``), the job id, the
server's defaults for fields left out, descriptions. Strictness (``Strict``)
is the specs', states and kinds are ``scrapejet.jobs``'."""
