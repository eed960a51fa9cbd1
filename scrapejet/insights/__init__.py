"""Insights: questions about crawled sites, answered with citations.

    retrieve (scrapejet.index: hybrid vector + keyword search over a site's chunks)
      -> sources [1]..[k] (+ the site's business profile for business questions)
      -> answer: an OpenAI-compatible LLM told to use only those sources and cite
         them, or, without one (or when it fails), the best-supported sentences
         of the sources (extractive)

``Insights`` answers (CLI ``scrapejet ask``, ``POST /query``); ``tasks``
runs ``POST /business/insights`` off the request thread."""

from .answer import Insights, UnknownSite, answer_from
from .sources import Answer, Source

__all__ = ["Answer", "Insights", "Source", "UnknownSite", "answer_from"]
