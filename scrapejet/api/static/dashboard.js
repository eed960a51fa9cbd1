// ScrapeJET dashboard: polls the JSON API and renders what it answers.
//
// Everything shown goes into the page as text nodes or attributes, never as
// markup, so a URL a user submitted shows as characters and cannot run; the
// page's Content-Security-Policy enforces the same. The API key lives in
// localStorage and goes out as "Authorization: Bearer", the header every
// endpoint accepts.
"use strict";

(() => {
  const POLL_MS = 2000;
  const JOBS_SHOWN = 50;
  const RATE_WINDOW_MS = 10_000; // heartbeats update page counters in steps: smooth over a few
  const CHART_SPAN_MS = 5 * 60_000;
  const KEY_STORE = "scrapejet.apiKey";
  const PRIORITIES = [9, 8, 7, 6, 5, 4, 3, 2, 1];
  const ACTIVE = new Set(["pending", "running"]);
  const SVG = "http://www.w3.org/2000/svg";

  const $ = (id) => document.getElementById(id);

  function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    node.append(...children.map((c) => (c instanceof Node ? c : String(c ?? ""))));
    return node;
  }

  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function seconds(s) {
    if (s === null || s === undefined) return "";
    s = Math.max(0, Math.round(s));
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  }

  function setStatus(node, status) {
    node.textContent = status;
    node.className = `status status-${status}`;
  }

  // -- the API ------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.detail) || `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  const storedKey = () => localStorage.getItem(KEY_STORE) || "";

  async function api(path, { method = "GET", body } = {}) {
    const headers = { Accept: "application/json" };
    const key = storedKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    const init = { method, headers, cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
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

  function authMessage() {
    return storedKey()
      ? "The API refused the saved key (401). Check it, or enter another in the API key field above."
      : "This server needs an API key (401). Enter one of its SCRAPEJET_API_KEYS in the API key field above.";
  }

  function problem(error, doing) {
    if (error.status === 401) return authMessage();
    if (error instanceof ApiError) return `${doing}: the API answered ${error.status}: ${error.message}`;
    return `${doing}: cannot reach the API (${error.message}).`;
  }

  function showBanner(text) {
    const banner = $("banner");
    banner.textContent = text;
    banner.hidden = !text;
  }

  // -- pages per minute, measured from the workers' page counters ---------------
  // A worker's `pages` only grows while it lives, and a restarted worker has a
  // new id; so the pages done between two samples are the growth of each
  // counter seen in both, plus every page of a worker first seen since.
  function makeRateMeter() {
    const last = new Map();
    const totals = []; // {t, total}: pages counted since the page opened
    const rates = []; // {t, rate}
    let total = 0;

    function add(t, workers) {
      const seen = new Set();
      for (const w of workers) {
        seen.add(w.id);
        const before = last.get(w.id);
        if (before === undefined) total += totals.length ? w.pages : 0;
        else total += w.pages >= before ? w.pages - before : w.pages;
        last.set(w.id, w.pages);
      }
      for (const id of [...last.keys()]) if (!seen.has(id)) last.delete(id);
      totals.push({ t, total });
      while (totals.length > 2 && totals[1].t <= t - RATE_WINDOW_MS) totals.shift();
      if (totals.length > 1) {
        const first = totals[0];
        rates.push({ t, rate: ((total - first.total) / (t - first.t)) * 60_000 });
      }
      while (rates.length && rates[0].t < t - CHART_SPAN_MS) rates.shift();
    }

    function reset() {
      last.clear();
      totals.length = 0;
      rates.length = 0;
      total = 0;
    }

    return { add, reset, rates };
  }

  function niceCeiling(value) {
    const step = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * step).find((v) => v >= value);
  }

  function renderChart(rates) {
    const chart = $("rate-chart");
    chart.replaceChildren();
    const [left, right, top, bottom] = [48, 592, 10, 136];
    const now = rates.length ? rates[rates.length - 1].t : 0;
    const max = niceCeiling(Math.max(1, ...rates.map((r) => r.rate)));
    for (const fraction of [0, 0.5, 1]) {
      const y = bottom - fraction * (bottom - top);
      chart.append(svg("line", { class: "grid", x1: left, x2: right, y1: y, y2: y }));
      chart.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, String(Math.round(max * fraction))));
    }
    chart.append(svg("text", { x: left, y: 154 }, "5 min ago"));
    chart.append(svg("text", { x: right, y: 154, "text-anchor": "end" }, "now"));
    if (rates.length < 2) {
      $("rate-now").textContent = "Collecting samples…";
      return;
    }
    const x = (t) => right - ((now - t) / CHART_SPAN_MS) * (right - left);
    const y = (rate) => bottom - (rate / max) * (bottom - top);
    const points = rates.map((r) => `${x(r.t).toFixed(1)},${y(r.rate).toFixed(1)}`).join(" ");
    chart.append(svg("polyline", { class: "line", points }));
    const current = rates[rates.length - 1].rate;
    $("rate-now").textContent = `${Math.round(current)} pages/min over the last 10 s`;
  }

  // -- jobs ---------------------------------------------------------------------
  // Rows are kept per job and updated in place, so a Cancel button keeps its
  // focus across refreshes and rows do not flicker.
  function makeJobRow(rows, id) {
    const cells = {
      id: h("td", { class: "mono" }, id),
      url: h("td"),
      status: h("td"),
      bar: h("progress", { max: "100", value: "0", "aria-label": `Progress of job ${id}` }),
      pct: h("span", { class: "pct" }),
      pages: h("td"),
      failed: h("td"),
      priority: h("td"),
      time: h("td"),
      cancel: h("button", { type: "button", class: "cancel", "aria-label": `Cancel job ${id}` }, "Cancel"),
    };
    const row = h(
      "tr",
      { "data-job-id": id },
      cells.id, cells.url, cells.status, h("td", {}, cells.bar, cells.pct),
      cells.pages, cells.failed, cells.priority, cells.time, h("td", {}, cells.cancel),
    );
    const entry = { row, cells, job: null };
    cells.cancel.addEventListener("click", () => cancelJob(entry.job, cells.cancel));
    rows.set(id, entry);
    return entry;
  }

  function jobTime(job, progress) {
    if (job.status === "pending") return ["waiting", job.created_at];
    if (job.status === "running") {
      const elapsed = progress ? seconds(progress.elapsed_s) : "";
      const eta = progress && progress.eta_s !== null ? ` · ETA ${seconds(progress.eta_s)}` : "";
      return [`${elapsed}${eta}`, job.started_at];
    }
    if (job.started_at && job.finished_at) {
      return [`took ${seconds((Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000)}`, job.finished_at];
    }
    return ["", job.finished_at || job.created_at];
  }

  function renderJobs(rows, jobs, progressById, counts) {
    const tbody = document.querySelector("#jobs tbody");
    const keep = new Set();
    jobs.forEach((job, index) => {
      keep.add(job.job_id);
      const entry = rows.get(job.job_id) || makeJobRow(rows, job.job_id);
      const progress = progressById.get(job.job_id);
      const c = entry.cells;
      entry.job = job;
      const url = job.spec.url || job.spec.target || job.kind;
      c.url.textContent = url;
      c.url.title = url;
      const status = progress ? progress.status : job.status;
      setStatus(c.status, status);
      const percent = Math.floor(progress ? progress.progress : job.progress);
      c.bar.value = percent;
      c.pct.textContent = `${percent}%`;
      const budget = job.spec.max_pages;
      c.pages.textContent = budget ? `${job.counters.crawled} / ${budget}` : String(job.counters.crawled);
      c.failed.textContent = String(job.counters.failed);
      c.priority.textContent = String(job.priority);
      const [text, title] = jobTime(job, progress);
      c.time.textContent = text;
      c.time.title = title || "";
      c.cancel.hidden = !ACTIVE.has(status);
      if (tbody.children[index] !== entry.row) tbody.insertBefore(entry.row, tbody.children[index] || null);
    });
    for (const [id, entry] of rows) {
      if (!keep.has(id)) {
        entry.row.remove();
        rows.delete(id);
      }
    }
    $("jobs-empty").hidden = jobs.length > 0;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = Object.entries(counts).map(([status, n]) => `${n} ${status}`);
    $("job-counts").textContent =
      `${parts.join(" · ")}` + (total > jobs.length ? ` (newest ${jobs.length} of ${total} shown)` : "");
  }

  async function cancelJob(job, button) {
    if (!job || !confirm(`Cancel job ${job.job_id} (${job.spec.url || job.spec.target || job.kind})?`)) return;
    button.disabled = true;
    try {
      await api(`/scrape/${encodeURIComponent(job.job_id)}`, { method: "DELETE" });
      $("jobs-message").textContent = `Cancelled job ${job.job_id}.`;
    } catch (error) {
      $("jobs-message").textContent = problem(error, `Could not cancel job ${job.job_id}`);
    } finally {
      button.disabled = false;
      dashboard.refresh();
    }
  }

  // -- queues, workers, scrapyd nodes, health -------------------------------------
  function renderQueues(stats) {
    const rows = Object.entries(stats.queues).map(([spider, q]) =>
      h("tr", {}, h("th", { scope: "row" }, spider), h("td", {}, q.length),
        ...PRIORITIES.map((p) => h("td", {}, q.by_priority[String(p)] || 0))));
    document.querySelector("#queues tbody").replaceChildren(...rows);
    $("queue-summary").textContent =
      `${stats.queued} requests waiting (${stats.private_queued} in private queues) · ${stats.in_flight} in flight`;
  }

  function renderWorkers(health) {
    const rows = health.workers.map((w) => {
      const state = h("td");
      setStatus(state, w.alive ? "alive" : "dead");
      return h("tr", {},
        h("td", { class: "mono", title: `node ${w.node}, pid ${w.pid ?? "?"}` }, w.id),
        h("td", {}, w.spider || "all"),
        state,
        h("td", { title: w.last_seen || "" }, `${w.age_s.toFixed(1)} s ago`),
        h("td", {}, w.pages),
        h("td", {}, w.pages_per_min.toFixed(1)),
        h("td", {}, w.leases),
        h("td", {}, `${w.rss_mb.toFixed(0)} MB`),
        h("td", { class: "mono" }, (w.jobs || []).join(", ")));
    });
    document.querySelector("#workers tbody").replaceChildren(...rows);
    $("workers-summary").textContent = `${health.alive} alive · ${health.dead} dead`;
    $("workers-empty").hidden = health.workers.length > 0;
  }

  function renderNodes(scrapyd) {
    const box = $("nodes");
    if (!scrapyd.configured) {
      box.replaceChildren(h("p", { class: "empty" }, `None: ${scrapyd.detail}.`));
    } else if (!scrapyd.nodes.length) {
      box.replaceChildren(h("p", { class: "empty" }, scrapyd.detail || "No scrapyd node is registered."));
    } else {
      box.replaceChildren(...scrapyd.nodes.map((node) =>
        h("dl", { class: "nodes" }, ...Object.entries(node).flatMap(([k, v]) =>
          [h("dt", {}, k), h("dd", {}, typeof v === "object" ? JSON.stringify(v) : v)]))));
    }
  }

  function renderHealth(health) {
    setStatus($("health-status"), health.status);
    $("health").replaceChildren(...Object.entries(health.components).map(([name, c]) => {
      const status = h("span");
      setStatus(status, c.status);
      return h("li", {}, h("span", {}, name), status, h("span", {}, c.detail || ""));
    }));
  }

  function clearData(rows, meter) {
    for (const entry of rows.values()) entry.row.remove();
    rows.clear();
    meter.reset();
    for (const table of ["queues", "workers"]) document.querySelector(`#${table} tbody`).replaceChildren();
    for (const id of ["job-counts", "queue-summary", "workers-summary", "rate-now"]) $(id).textContent = "";
    $("nodes").replaceChildren();
    $("rate-chart").replaceChildren();
    $("jobs-empty").hidden = $("workers-empty").hidden = true;
  }

  // -- polling --------------------------------------------------------------------
  function makeDashboard() {
    const rows = new Map();
    const meter = makeRateMeter();
    let timer = null;
    let busy = false;
    let again = false;

    async function load() {
      // /health is open even with API keys on: it shows while a key is missing
      const health = await api("/health").catch((error) => {
        if (error.status === 503 && error.body && error.body.components) return error.body;
        throw error;
      });
      renderHealth(health);
      const [jobs, stats, crawlers] = await Promise.all([
        api(`/jobs?limit=${JOBS_SHOWN}`), api("/queue/stats"), api("/queue/manage/crawler_health"),
      ]);
      const active = jobs.jobs.filter((job) => ACTIVE.has(job.status));
      const progress = await Promise.all(active.map((job) =>
        api(`/scrape/${encodeURIComponent(job.job_id)}/progress`).catch((error) => {
          if (error.status === 404) return null; // expired between the two calls
          throw error;
        })));
      const progressById = new Map(progress.filter(Boolean).map((p) => [p.job_id, p]));
      renderJobs(rows, jobs.jobs, progressById, stats.jobs);
      renderQueues(stats);
      renderWorkers(crawlers);
      renderNodes(crawlers.scrapyd);
      meter.add(Date.now(), crawlers.workers);
      renderChart(meter.rates);
    }

    async function refresh() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      clearTimeout(timer);
      try {
        await load();
        showBanner("");
      } catch (error) {
        if (error.status === 401) clearData(rows, meter);
        showBanner(problem(error, "Refreshing"));
      } finally {
        busy = false;
        if (again) {
          again = false;
          refresh();
        } else {
          timer = setTimeout(refresh, POLL_MS);
        }
      }
    }

    return { refresh };
  }

  const dashboard = makeDashboard();

  // -- forms ----------------------------------------------------------------------
  function clearFieldErrors(form) {
    for (const node of form.querySelectorAll(".field-error")) node.textContent = "";
    for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  }

  function markField(form, name, text) {
    const input = form.elements.namedItem(name);
    const slot = $(`e-${name}`);
    if (!input || !slot) return false;
    input.setAttribute("aria-invalid", "true");
    slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
    return true;
  }

  function showFieldErrors(form, body) {
    let first = null;
    // 422 validation errors name each field; other refusals (a private
    // target, a limit of this server) name it at the start of `detail`
    const entries = body.errors
      ? body.errors.map((e) => [String(e.loc).split(".")[0], e.msg])
      : [[(body.detail.match(/^(\w+):\s*/) || [])[1], body.detail.replace(/^\w+:\s*/, "")]];
    for (const [name, text] of entries) {
      if (name && markField(form, name, text) && !first) first = form.elements.namedItem(name);
    }
    if (first) first.focus();
  }

  async function submitCrawl(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const message = $("form-message");
    const button = form.querySelector("button[type=submit]");
    const field = (name) => form.elements.namedItem(name);
    clearFieldErrors(form);
    const body = {
      url: field("url").value.trim(),
      priority: Number(field("priority").value),
      render_js: field("render_js").checked,
    };
    for (const name of ["max_pages", "max_depth"]) {
      if (field(name).value !== "") body[name] = Number(field(name).value);
    }
    button.disabled = true;
    message.className = "form-message";
    message.textContent = "Submitting…";
    try {
      const job = await api("/scrape", { method: "POST", body });
      message.className = "form-message ok";
      message.textContent = `Queued job ${job.job_id}.`;
      dashboard.refresh();
    } catch (error) {
      message.className = "form-message error";
      if (error.body && error.body.detail && error.status !== 401) showFieldErrors(form, error.body);
      message.textContent = problem(error, "Not accepted");
    } finally {
      button.disabled = false;
    }
  }

  function setupKeyForm() {
    const input = $("api-key");
    const hint = $("key-hint");
    input.value = storedKey();
    $("key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (key) localStorage.setItem(KEY_STORE, key);
      else localStorage.removeItem(KEY_STORE);
      hint.textContent = key ? "Key saved in this browser." : "No key saved.";
      dashboard.refresh();
    });
    $("key-forget").addEventListener("click", () => {
      localStorage.removeItem(KEY_STORE);
      input.value = "";
      hint.textContent = "Key forgotten.";
      dashboard.refresh();
    });
  }

  setupKeyForm();
  $("crawl-form").addEventListener("submit", submitCrawl);
  dashboard.refresh();
})();
