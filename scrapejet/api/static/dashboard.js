// The dashboard (GET /): submit jobs of every kind, and watch jobs, the last
// hour's throughput, stored sites, queues, workers and scrapyd nodes. It
// polls the JSON API; what it shows is rendered as text (see common.js).
import {
  $, api, h, jobTarget, jobUrl, lines, loadHealth, problem, seconds, setStatus, setupKeyForm, showBanner,
  siteUrl, submitForm,
} from "./common.js";
import { COLORS, describe, draw } from "./charts.js";

const POLL_MS = 2000;
const HISTORY_MS = 10_000; // the history has one point a minute: no need to ask every poll
const JOBS_SHOWN = 50;
const PRIORITIES = [9, 8, 7, 6, 5, 4, 3, 2, 1];
const ACTIVE = new Set(["pending", "running"]);

// -- jobs ---------------------------------------------------------------------
// Rows are kept per job and updated in place, so a Cancel button keeps its
// focus across refreshes and rows do not flicker. Each cell carries its
// column's name, shown beside the value when a narrow screen stacks them.
const COLUMNS = ["Job", "Kind", "Target", "Status", "Progress", "Pages", "Failed", "Prio", "Time", ""];

function makeJobRow(rows, id) {
  const cell = (n, ...children) => h("td", { "data-label": COLUMNS[n] }, ...children);
  const cells = {
    link: h("a", { href: jobUrl(id), class: "mono" }, id),
    kind: cell(1),
    url: cell(2),
    status: h("span"),
    bar: h("progress", { max: "100", value: "0", "aria-label": `Progress of job ${id}` }),
    pct: h("span", { class: "pct" }),
    pages: cell(5),
    failed: cell(6),
    priority: cell(7),
    time: cell(8),
    cancel: h("button", { type: "button", class: "cancel", "aria-label": `Cancel job ${id}` }, "Cancel"),
  };
  const row = h(
    "tr", { "data-job-id": id },
    cell(0, cells.link), cells.kind, cells.url, cell(3, cells.status), cell(4, cells.bar, cells.pct),
    cells.pages, cells.failed, cells.priority, cells.time, h("td", { class: "action" }, cells.cancel),
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
    c.kind.textContent = job.kind;
    const target = jobTarget(job);
    c.url.textContent = target;
    c.url.title = target;
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
  const parts = Object.entries(counts).filter(([, n]) => n).map(([status, n]) => `${n} ${status}`);
  const filtered = [...jobQuery().keys()].length > 1;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  $("job-counts").textContent = `${parts.join(" · ") || "no jobs"}` + (filtered
    ? ` (${jobs.length === JOBS_SHOWN ? `the newest ${JOBS_SHOWN}` : jobs.length} matching shown)`
    : total > jobs.length ? ` (newest ${jobs.length} of ${total} shown)` : "");
}

async function cancelJob(job, button) {
  if (!job || !confirm(`Cancel job ${job.job_id} (${jobTarget(job)})?`)) return;
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

// The job table's filters, as GET /jobs takes them.
function jobQuery() {
  const form = $("jobs-filter");
  const params = new URLSearchParams({ limit: JOBS_SHOWN });
  for (const name of ["status", "kind"]) {
    const value = form.elements.namedItem(name).value;
    if (value) params.set(name, value);
  }
  return params;
}

// -- the last hour ------------------------------------------------------------
function renderHistory(history) {
  const canvas = $("rate-chart");
  const labels = history.points.map((p) => new Date(p.minute).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  draw(canvas, {
    type: "bar",
    labels,
    datasets: [
      { type: "bar", label: "pages stored", data: history.points.map((p) => p.pages), backgroundColor: COLORS[0],
        yAxisID: "pages", order: 2 },
      { type: "line", label: "requests waiting", data: history.points.map((p) => p.waiting), borderColor: COLORS[3],
        backgroundColor: COLORS[3], pointRadius: 0, spanGaps: false, yAxisID: "queue", order: 1 },
    ],
    options: {
      scales: {
        x: { ticks: { maxTicksLimit: 7, maxRotation: 0 } },
        pages: { position: "left", beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "pages/min" } },
        queue: { position: "right", beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false },
          title: { display: true, text: "waiting" } },
      },
    },
  });
  const last = history.points.filter((p) => p.complete).at(-1);
  const now = history.points.at(-1);
  const summary = `${history.pages} pages in the last hour` +
    (last && last.pages !== null ? ` · ${last.pages} in the last full minute` : "");
  const waiting = now.waiting === null ? "" : ` · ${now.waiting} requests waiting`;
  $("rate-now").textContent = summary + waiting;
  describe(canvas, `Pages stored per minute over the last ${history.minutes} minutes: ${summary}${waiting}.`);
}

// -- sites, queues, workers, scrapyd nodes, health -------------------------------
function renderSites(sites) {
  const rows = sites.sites.map((s) => h("tr", {},
    h("th", { scope: "row" }, h("a", { href: siteUrl(s.site) }, s.site)),
    h("td", { "data-label": "Pages" }, s.pages),
    h("td", { "data-label": "Index", title: s.index.detail }, s.index.available ? `${s.index.vectors} vectors` : "not built"),
    h("td", { "data-label": "Last crawl" },
      s.last_crawl ? h("a", { href: jobUrl(s.last_crawl.job_id), class: "mono" }, s.last_crawl.job_id) : "")));
  document.querySelector("#sites tbody").replaceChildren(...rows);
  $("sites-empty").hidden = sites.count > 0;
  $("sites-summary").textContent = sites.count ? `${sites.count} site(s) stored: open one to ask about it` : "";
}

function renderQueues(stats) {
  const rows = Object.entries(stats.queues).map(([spider, q]) =>
    h("tr", {}, h("th", { scope: "row" }, spider), h("td", { "data-label": "Waiting" }, q.length),
      ...PRIORITIES.map((p) => h("td", { "data-label": `P${p}` }, q.by_priority[String(p)] || 0))));
  document.querySelector("#queues tbody").replaceChildren(...rows);
  $("queue-summary").textContent =
    `${stats.queued} requests waiting (${stats.private_queued} in private queues) · ${stats.in_flight} in flight`;
}

function renderWorkers(health) {
  const rows = health.workers.map((w) => {
    const state = h("span");
    setStatus(state, w.alive ? "alive" : "dead");
    return h("tr", {},
      h("td", { "data-label": "Worker", class: "mono", title: `node ${w.node}, pid ${w.pid ?? "?"}` }, w.id),
      h("td", { "data-label": "Spider" }, w.spider || "all"),
      h("td", { "data-label": "State" }, state),
      h("td", { "data-label": "Last heartbeat", title: w.last_seen || "" }, `${w.age_s.toFixed(1)} s ago`),
      h("td", { "data-label": "Pages" }, w.pages),
      h("td", { "data-label": "Pages/min" }, w.pages_per_min.toFixed(1)),
      h("td", { "data-label": "Leases" }, w.leases),
      h("td", { "data-label": "Memory" }, `${w.rss_mb.toFixed(0)} MB`),
      h("td", { "data-label": "Jobs", class: "mono wrap" }, (w.jobs || []).join(", ")));
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
  $("health").replaceChildren(...Object.entries(health.components).map(([name, c]) => {
    const status = h("span");
    setStatus(status, c.status);
    return h("li", {}, h("span", {}, name), status, h("span", {}, c.detail || ""));
  }));
}

function clearData(rows) {
  for (const entry of rows.values()) entry.row.remove();
  rows.clear();
  for (const table of ["queues", "workers", "sites"]) document.querySelector(`#${table} tbody`).replaceChildren();
  for (const id of ["job-counts", "queue-summary", "workers-summary", "rate-now", "sites-summary"]) $(id).textContent = "";
  $("nodes").replaceChildren();
  const chart = window.Chart && window.Chart.getChart($("rate-chart"));
  if (chart) chart.destroy();
  $("jobs-empty").hidden = $("workers-empty").hidden = $("sites-empty").hidden = true;
}

// -- polling --------------------------------------------------------------------
function makeDashboard() {
  const rows = new Map();
  let timer = null;
  let busy = false;
  let again = false;
  let historyAt = 0;

  async function load() {
    renderHealth(await loadHealth());
    const [jobs, stats, crawlers] = await Promise.all([
      api(`/jobs?${jobQuery()}`), api("/queue/stats"), api("/queue/manage/crawler_health"),
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
    if (Date.now() - historyAt > HISTORY_MS || active.length) {
      historyAt = Date.now();
      const [history, sites] = await Promise.all([api("/queue/history"), api("/sites?limit=20")]);
      renderHistory(history);
      renderSites(sites);
    }
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
      if (error.status === 401) {
        clearData(rows);
        historyAt = 0;
      }
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

  return { refresh, forceHistory: () => { historyAt = 0; } };
}

const dashboard = makeDashboard();

// -- the three forms ---------------------------------------------------------------
// Each builds the body its endpoint takes from the fields filled in; an
// empty field is left out, so the server's default applies.
function values(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.type === "submit" || el.type === "button") continue;
    if (el.type === "checkbox") out[el.name] = el.checked;
    else if (el.value.trim() !== "") out[el.name] = el.type === "number" ? Number(el.value) : el.value.trim();
  }
  return out;
}

function withCommon(body, v) {
  if (v.job_id) body.job_id = v.job_id;
  if (v.webhook || v.webhook_secret) {
    body.webhook = { url: v.webhook || "" };
    if (v.webhook_secret) body.webhook.secret = v.webhook_secret;
  }
  return body;
}

const BODIES = {
  crawl: (v) => withCommon({
    url: v.url || "", priority: Number(v.priority), output_format: v.output_format,
    render_js: v.render_js === "auto" ? "auto" : v.render_js === "true",
    subdomains: v.subdomains,
    ...(v.max_pages !== undefined && { max_pages: v.max_pages }),
    ...(v.max_depth !== undefined && { max_depth: v.max_depth }),
    ...(v.include && { include: v.include }),
    ...(v.exclude && { exclude: v.exclude }),
  }, v),
  business: (v) => withCommon({
    url: v.url || "", priority: Number(v.priority),
    render_js: v.render_js === "auto" ? "auto" : v.render_js === "true",
    ...(v.pages_to_scrape && { pages_to_scrape: lines(v.pages_to_scrape) }),
    ...(v.max_pages !== undefined && { max_pages: v.max_pages }),
  }, v),
  backlinks: (v) => withCommon({
    target_url: v.target_url || "", initial_seed_urls: lines(v.initial_seed_urls || ""), priority: Number(v.priority),
    config: {
      match: v.match, render_js: v.render_js,
      ...(v.max_pages !== undefined && { max_pages: v.max_pages }),
      ...(v.max_depth !== undefined && { max_depth: v.max_depth }),
      ...(v.per_domain_max_pages !== undefined && { per_domain_max_pages: v.per_domain_max_pages }),
      ...(v.allowed_domains && { allowed_domains: lines(v.allowed_domains) }),
      ...(v.include && { include: v.include }),
      ...(v.exclude && { exclude: v.exclude }),
    },
  }, v),
};
const PATHS = { crawl: "/scrape", business: "/scrape/business", backlinks: "/queue/submit_crawl" };

function setupForms() {
  for (const kind of Object.keys(BODIES)) {
    const form = $(`${kind}-form`);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitForm(form, PATHS[kind], BODIES[kind](values(form)), () => {
        dashboard.forceHistory();
        dashboard.refresh();
      });
    });
  }
  // Tabs: click, or arrow keys between them (the WAI-ARIA tabs pattern).
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  });
}

setupKeyForm(() => {
  dashboard.forceHistory();
  dashboard.refresh();
});
setupForms();
$("jobs-filter").addEventListener("change", () => dashboard.refresh());
$("jobs-filter").addEventListener("submit", (event) => event.preventDefault());
dashboard.refresh();
