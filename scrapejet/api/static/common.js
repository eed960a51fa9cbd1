// What every ScrapeJET page shares: building DOM nodes, calling the API
// with the key the user saved, showing errors, the key form.
//
// Everything shown goes into the page as text nodes or attributes, never as
// markup, so a URL a user submitted shows as characters and cannot run; the
// pages' Content-Security-Policy enforces the same. The API key lives in
// localStorage and goes out as "Authorization: Bearer", the header every
// endpoint accepts.

const KEY_STORE = "scrapejet.apiKey";

export const $ = (id) => document.getElementById(id);

export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined)
    .map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

export function seconds(s) {
  if (s === null || s === undefined) return "";
  s = Math.max(0, Math.round(s));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

export function setStatus(node, status) {
  node.textContent = status;
  node.className = `status status-${status}`;
}

export const jobUrl = (id) => `/job/${encodeURIComponent(id)}`;
export const siteUrl = (site) => `/site/${encodeURIComponent(site)}`;

// What a job works on, as its table row names it.
export function jobTarget(job) {
  return job.spec.url || job.spec.target || job.kind;
}

// The host a job is about: its start URL's, or a backlink job's target.
export function jobSite(job) {
  const url = job.spec.url || job.spec.target || "";
  try {
    return new URL(url.includes("://") ? url : `http://${url}`).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

// -- the API -------------------------------------------------------------------
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.detail) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export const storedKey = () => localStorage.getItem(KEY_STORE) || "";

function headers(accept) {
  const out = { Accept: accept };
  const key = storedKey();
  if (key) out.Authorization = `Bearer ${key}`;
  return out;
}

export async function api(path, { method = "GET", body } = {}) {
  const init = { method, headers: headers("application/json"), cache: "no-store" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let data = null;
  try {
    data = await response.json();
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// A file from the API. Without API keys on the server, a plain link: the
// browser streams it to disk, however large. With keys, a link could not
// send the key, so it is fetched with it and handed over as a blob (the
// whole file in memory: fine for a page's results, heavy for 100k pages,
// which `scrapejet export` or curl stream instead).
export async function download(path) {
  if (document.body.dataset.keysRequired !== "true") {
    const link = h("a", { href: path, download: "", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    return "the file";
  }
  const response = await fetch(path, { headers: headers("*/*"), cache: "no-store" });
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, body);
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || "download";
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function authMessage() {
  return storedKey()
    ? "The API refused the saved key (401). Check it, or enter another in the API key field above."
    : "This server needs an API key (401). Enter one of its SCRAPEJET_API_KEYS in the API key field above.";
}

export function problem(error, doing) {
  if (error.status === 401) return authMessage();
  if (error instanceof ApiError) return `${doing}: the API answered ${error.status}: ${error.message}`;
  return `${doing}: cannot reach the API (${error.message}).`;
}

export function showBanner(text) {
  const banner = $("banner");
  banner.textContent = text;
  banner.hidden = !text;
}

// The header's key form; `changed` runs after a key is saved or forgotten.
export function setupKeyForm(changed) {
  const input = $("api-key");
  const hint = $("key-hint");
  input.value = storedKey();
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) localStorage.setItem(KEY_STORE, key);
    else localStorage.removeItem(KEY_STORE);
    hint.textContent = key ? "Key saved in this browser." : "No key saved.";
    changed();
  });
  $("key-forget").addEventListener("click", () => {
    localStorage.removeItem(KEY_STORE);
    input.value = "";
    hint.textContent = "Key forgotten.";
    changed();
  });
}

// The system status in the header, from /health (open even with keys on).
export async function loadHealth() {
  const health = await api("/health").catch((error) => {
    if (error.status === 503 && error.body && error.body.components) return error.body;
    throw error;
  });
  setStatus($("health-status"), health.status);
  return health;
}

// -- forms ----------------------------------------------------------------------
export function clearFieldErrors(form) {
  for (const node of form.querySelectorAll(".field-error")) node.textContent = "";
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

// The form field an error location names: "config.max_depth" is the
// backlink form's max_depth, "initial_seed_urls.2" its seeds, "webhook.url"
// the webhook field, "webhook.secret" the webhook_secret field.
function fieldOf(form, loc) {
  const parts = String(loc || "").split(".");
  for (const part of [parts.join("_"), ...parts]) {
    if (form.elements.namedItem(part) && form.querySelector(`[data-error-for="${part}"]`)) return part;
  }
  return null;
}

function markField(form, loc, text) {
  const name = fieldOf(form, loc);
  if (!name) return null;
  const input = form.elements.namedItem(name);
  const slot = form.querySelector(`[data-error-for="${name}"]`);
  input.setAttribute("aria-invalid", "true");
  slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
  return input;
}

// 422 validation errors name each field; other refusals (a private target,
// a limit of this server) name it at the start of `detail`.
export function showFieldErrors(form, body) {
  let first = null;
  const entries = body.errors
    ? body.errors.map((e) => [e.loc, e.msg])
    : [[(body.detail.match(/^([\w.]+):\s*/) || [])[1], body.detail.replace(/^[\w.]+:\s*/, "")]];
  for (const [loc, text] of entries) {
    const input = markField(form, loc, text);
    if (input && !first) first = input;
  }
  if (first) first.focus();
}

// Submits a form's body to the API, showing progress, the job it made or
// the reasons it was refused (next to each field).
export async function submitForm(form, path, body, onQueued) {
  const message = form.querySelector(".form-message");
  const button = form.querySelector("button[type=submit]");
  clearFieldErrors(form);
  button.disabled = true;
  message.className = "form-message";
  message.textContent = "Submitting…";
  try {
    const job = await api(path, { method: "POST", body });
    message.className = "form-message ok";
    message.replaceChildren("Queued job ", h("a", { href: jobUrl(job.job_id) }, job.job_id), ".");
    onQueued(job);
    return job;
  } catch (error) {
    message.className = "form-message error";
    if (error.body && error.body.detail && error.status !== 401) showFieldErrors(form, error.body);
    message.textContent = problem(error, "Not accepted");
    return null;
  } finally {
    button.disabled = false;
  }
}

// Lines of a textarea, blanks dropped.
export const lines = (text) => text.split("\n").map((s) => s.trim()).filter(Boolean);
