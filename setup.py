"""For scrapyd-deploy, which builds the egg it uploads by running setup.py.
Everything (name, packages, the scrapy settings entry point, package data)
is in pyproject.toml."""

from setuptools import setup

setup()
