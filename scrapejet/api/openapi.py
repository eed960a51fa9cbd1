"""Request validation and the OpenAPI document, from the same pydantic models.

A view declares its models with ``@endpoint(...)``: the body and query string
are validated into those models before the view runs (415 for a body not
sent as application/json, 400 for a body that is not a JSON object or nests
too deep, 422 for fields that do not validate, unknown ones included), and
``build_spec`` assembles ``/openapi.json`` from the same declarations, so the
document cannot drift from what the server accepts and answers."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema

from .errors import ApiError
from .models.common import ErrorResponse

REF = "#/components/schemas/{model}"
TAG_ORDER = ["scrape", "jobs", "queue", "sites", "health", "business", "insights", "backlinks"]
ERROR_TEXT = {
    400: "Body is not a JSON object, or nests too deep",
    401: "Missing or wrong API key",
    404: "Not found",
    409: "Conflicts with the job's state",
    413: "Body larger than SCRAPEJET_API_MAX_BODY",
    415: "Body not sent as Content-Type: application/json",
    429: "Too many submissions, or jobs, for this client (Retry-After says when to come back)",
    422: "Invalid field (named in detail)",
    503: "Redis or storage unavailable",
}


@dataclass
class Doc:
    summary: str
    tag: str
    responses: dict[int, Any]
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    description: str = ""
    public: bool = False
    errors: tuple[int, ...] = ()
    path_params: dict[str, str] = field(default_factory=dict)
    submits: bool = False  # queues work: limited per client (api/limits.py)


# Errors listed in one 422 at most: a request with 20,000 unknown query
# parameters gets the first ones and a count, not a response of megabytes.
MAX_ERRORS = 20
# JSON nested deeper than this is refused before it is validated: no request
# body of the API nests more than a few levels, and the parser and the
# validator recurse.
MAX_DEPTH = 32


def validation_detail(exc: ValidationError) -> tuple[str, list[dict[str, Any]]]:
    every = exc.errors(include_url=False)
    errors = [
        {"loc": ".".join(str(p) for p in err["loc"]) or "body", "msg": err["msg"].removeprefix("Value error, "),
         "type": err["type"]}
        for err in every[:MAX_ERRORS]
    ]
    detail = "; ".join(f"{e['loc']}: {e['msg']}" for e in errors)
    if len(every) > MAX_ERRORS:
        detail += f"; and {len(every) - MAX_ERRORS} more error(s)"
    return detail, errors


def invalid(exc: ValidationError) -> ApiError:
    detail, errors = validation_detail(exc)
    return ApiError(422, "validation_error", detail, errors=errors)


def _is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def _parse_body(model: type[BaseModel]) -> BaseModel:
    # JSON only, said so: a web page can send text/plain or a form to this
    # API without the browser asking it first (no CORS preflight), and the
    # API sends no CORS headers, so requiring application/json keeps other
    # sites a user visits from submitting jobs to a local API.
    if not _is_json(request.mimetype):
        raise ApiError(415, "unsupported_media_type",
                       f"send the body as JSON with Content-Type: application/json (got {request.mimetype or 'none'})")
    raw = request.get_data(cache=True)  # over MAX_CONTENT_LENGTH: 413 here
    try:
        data = json.loads(raw) if raw.strip() else None
    except RecursionError:
        raise ApiError(400, "invalid_json", f"the body nests deeper than {MAX_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "the body must be a JSON object (Content-Type: application/json)")
    _check_tree(data)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid(exc) from None


def _check_tree(data: Any) -> None:
    """Refuse what JSON allows but nothing downstream can hold: nesting
    deeper than MAX_DEPTH, and strings with lone surrogates (``"\\ud800"``
    parses, then fails wherever it is encoded as UTF-8)."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "body")]
    while stack:
        value, depth, loc = stack.pop()
        if depth > MAX_DEPTH:
            raise ApiError(400, "invalid_json", f"the body nests deeper than {MAX_DEPTH} levels")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ApiError(422, "validation_error", f"{loc}: not valid Unicode (a lone surrogate escape)",
                               errors=[{"loc": loc, "msg": "not valid Unicode (a lone surrogate escape)",
                                        "type": "unicode"}]) from None
        elif isinstance(value, dict):
            stack.extend((v, depth + 1, str(k) if loc == "body" else f"{loc}.{k}") for k, v in value.items())
            stack.extend((k, depth + 1, loc) for k in value)
        elif isinstance(value, list):
            stack.extend((v, depth + 1, f"{loc}.{i}" if loc != "body" else str(i)) for i, v in enumerate(value))


def _parse_query(model: type[BaseModel]) -> BaseModel:
    data: dict[str, Any] = {}
    for key in request.args:
        values = request.args.getlist(key)
        if len(values) > 1:
            raise ApiError(422, "validation_error", f"{key}: given more than once")
        data[key] = values[0]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid(exc) from None


def endpoint(*, summary: str, tag: str, responses: dict[int, Any], body=None, query=None,
             description: str = "", public: bool = False, errors: tuple[int, ...] = (),
             path_params: dict[str, str] | None = None, submits: bool = False):
    """Declare a view's models. The view gets ``body=``/``query=`` as model
    instances and returns a model (200), ``(model, status)`` or a Response.
    ``submits``: the view queues work (a job, a task), which each client may
    do only so often (``limits``)."""
    doc = Doc(summary, tag, responses, body, query, description, public, errors, path_params or {}, submits)

    def decorate(view):
        @functools.wraps(view)
        def wrapper(**kwargs):
            if body is not None:
                kwargs["body"] = _parse_body(body)
            if query is not None:
                kwargs["query"] = _parse_query(query)
            return render(view(**kwargs))

        wrapper.openapi = doc
        return wrapper

    return decorate


def render(result):
    if isinstance(result, Response):
        return result
    status = 200
    if isinstance(result, tuple):
        result, status = result
    response = jsonify(result.model_dump(mode="json") if isinstance(result, BaseModel) else result)
    response.status_code = status
    return response


# -- the document ---------------------------------------------------------------
def _openapi_path(rule: str) -> tuple[str, list[str]]:
    names: list[str] = []

    def repl(match):
        names.append(match.group(2))
        return "{" + match.group(2) + "}"

    return re.sub(r"<(?:(\w+):)?(\w+)>", repl, rule), names


def build_spec(app: Flask) -> dict[str, Any]:
    services = app.extensions["scrapejet"]
    secured = bool(services.api_keys)
    operations = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        doc: Doc | None = getattr(app.view_functions.get(rule.endpoint), "openapi", None)
        if doc is None:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operations.append((rule, method.lower(), doc))

    models: list[tuple[type[BaseModel], str]] = [(ErrorResponse, "serialization")]
    for _, _, doc in operations:
        if doc.body is not None:
            models.append((doc.body, "validation"))
        for value in doc.responses.values():
            models += [(m, "serialization") for m in _models_in(value)]
    refs, defs = models_json_schema(list(dict.fromkeys(models)), ref_template=REF)
    schemas = defs.get("$defs", {})
    _apply_server_limits(schemas, services.settings)

    paths: dict[str, dict[str, Any]] = {}
    for rule, method, doc in operations:
        path, names = _openapi_path(rule.rule)
        op: dict[str, Any] = {
            "operationId": f"{rule.endpoint.replace('.', '_')}_{method}",
            "summary": doc.summary,
            "tags": [doc.tag],
            "responses": {},
        }
        if doc.description:
            op["description"] = doc.description
        params = [
            {"name": n, "in": "path", "required": True, "schema": {"type": "string", "pattern": r"^[^/]+$"},
             "description": doc.path_params.get(n, "")}
            for n in names
        ]
        if doc.query is not None:
            qschema = doc.query.model_json_schema(ref_template=REF)
            for name, prop in qschema.get("properties", {}).items():
                params.append({
                    "name": name, "in": "query", "required": name in qschema.get("required", []),
                    "schema": {k: v for k, v in prop.items() if k != "description"},
                    "description": prop.get("description", ""),
                })
        if params:
            op["parameters"] = params
        if doc.body is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": refs[(doc.body, "validation")]}},
            }
        for status, value in doc.responses.items():
            if isinstance(value, type):
                op["responses"][str(status)] = {
                    "description": (value.__doc__ or value.__name__).strip().splitlines()[0],
                    "content": {"application/json": {"schema": refs[(value, "serialization")]}},
                }
            else:  # {media type: model | (alternatives) | str}
                op["responses"][str(status)] = {
                    "description": "The JSON view, or a download in the asked format",
                    "content": {mt: {"schema": _media_schema(v, refs)} for mt, v in value.items()},
                }
        codes = set(doc.errors)
        if doc.body is not None:
            codes |= {400, 413, 415, 422}
        if doc.submits:
            codes.add(429)
        if doc.query is not None:
            codes.add(422)
        if names:
            codes.add(404)
        if secured and not doc.public:
            codes.add(401)
            op["security"] = [{"bearerAuth": []}, {"apiKey": []}]
        if not doc.public:
            codes.add(503)
        for code in sorted(codes):
            op["responses"].setdefault(str(code), {
                "description": ERROR_TEXT.get(code, "Error"),
                "content": {"application/json": {"schema": refs[(ErrorResponse, "serialization")]}},
            })
        paths.setdefault(path, {})[method] = op

    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "ScrapeJET API",
            "version": _version(),
            "description": "Submit crawls, follow their progress, read results, watch the queue and workers. "
                           "Errors are JSON {error, detail}.",
        },
        "paths": paths,
        "components": {"schemas": schemas},
        # the order a reader needs them in: crawls first, later issues last
        "tags": [{"name": t} for t in sorted(
            dict.fromkeys(doc.tag for _, _, doc in operations),
            key=lambda t: TAG_ORDER.index(t) if t in TAG_ORDER else len(TAG_ORDER),
        )],
    }
    if secured:
        spec["components"]["securitySchemes"] = {
            "bearerAuth": {"type": "http", "scheme": "bearer", "description": "a key of SCRAPEJET_API_KEYS"},
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        }
    return spec


def _models_in(value) -> list[type[BaseModel]]:
    if isinstance(value, type):
        return [value] if issubclass(value, BaseModel) else []
    if isinstance(value, dict):
        return [m for v in value.values() for m in _models_in(v)]
    if isinstance(value, (tuple, list)):
        return [m for v in value for m in _models_in(v)]
    return []


def _media_schema(value, refs) -> dict[str, Any]:
    """A model: its schema; a tuple: any of its members; a one-item list: an
    array of that model; ``str``: text."""
    if value is str:
        return {"type": "string"}
    if isinstance(value, type):
        return refs[(value, "serialization")]
    if isinstance(value, list):
        return {"type": "array", "items": _media_schema(value[0], refs)}
    return {"anyOf": [_media_schema(v, refs) for v in value]}


def _apply_server_limits(schemas: dict[str, Any], settings) -> None:
    """The page and depth bounds are server settings, not constants of the
    models: state this server's in the document."""
    limits = {
        "max_pages": settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
        "expected_pages": settings.getint("SCRAPEJET_MAX_PAGES_LIMIT"),
        "max_depth": settings.getint("SCRAPEJET_MAX_DEPTH_LIMIT"),
    }
    for schema in schemas.values():
        for name, prop in schema.get("properties", {}).items():
            if name not in limits:
                continue
            for option in prop.get("anyOf", [prop]):
                if option.get("type") == "integer":
                    option["maximum"] = limits[name]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scrapejet")
    except PackageNotFoundError:
        return "0"


# -- blueprints -------------------------------------------------------------------
meta = Blueprint("meta", __name__)


@meta.get("/openapi.json")
def openapi_json():
    return jsonify(build_spec(current_app))


@meta.get("/api")
def index():
    # A JSON map of the API for clients and curl; GET / is the dashboard page.
    spec = build_spec(current_app)
    return jsonify({
        "name": "ScrapeJET API",
        "dashboard": "/",
        "docs": "/docs/",
        "openapi": "/openapi.json",
        "endpoints": [
            {"method": method.upper(), "path": path, "summary": op["summary"]}
            for path, ops in spec["paths"].items() for method, op in ops.items()
        ],
    })


def docs_blueprint() -> Blueprint:
    """Swagger UI, served from the files the flask-swagger-ui package ships
    (no CDN): the page works on a machine without internet."""
    from flask_swagger_ui import get_swaggerui_blueprint

    return get_swaggerui_blueprint(
        "/docs", "/openapi.json", config={"app_name": "ScrapeJET API", "deepLinking": True},
        blueprint_name="docs",
    )
