// A job's page (GET /job/<id>): its state and spec, its failures with their
// reasons, and its results by kind — a crawl's pages (each readable as its
// Markdown), a business job's profile card, a backlink job's link profile
// with charts — plus downloads and, for a crawled site, the question box.
import { setupAsk } from "./ask.js";
import { bars, COLORS, describe, doughnut, draw } from "./charts.js";
import {
  $, api, download, h, jobSite, jobTarget, loadHealth, problem, seconds, setStatus, setupKeyForm, showBanner,
  siteUrl, when,
} from "./common.js";

const POLL_MS = 2000;
const PER_PAGE = 25;
const ACTIVE = new Set(["pending", "running"]);
const JOB_ID = document.body.dataset.jobId;
const enc = encodeURIComponent;

const state = { job: null, pages: 1, links: 1, failures: 1, shownKind: null, final: false };

// -- small pieces ------------------------------------------------------------------
function pager(nav, page, totalPages, go) {
  if (totalPages <= 1) {
    nav.replaceChildren();
    return;
  }
  nav.replaceChildren(
    h("button", { type: "button", disabled: page <= 1, onclick: () => go(page - 1) }, "Previous"),
    h("span", {}, ` Page ${page} of ${totalPages} `),
    h("button", { type: "button", disabled: page >= totalPages, onclick: () => go(page + 1) }, "Next"));
}

function fact(name, ...value) {
  return [h("dt", {}, name), h("dd", {}, ...value)];
}

const external = (url, text) => h("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, text || url);

// -- the job itself ------------------------------------------------------------------
function renderJob(job, progress) {
  setStatus($("job-status"), job.status);
  const percent = Math.floor(progress ? progress.progress : job.progress);
  $("job-bar").value = percent;
  $("job-pct").textContent = `${percent}%`;
  $("job-cancel").hidden = !ACTIVE.has(job.status);
  const c = job.counters;
  const took = job.started_at && job.finished_at
    ? seconds((Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000) : null;
  const site = jobSite(job);
  $("job-facts").replaceChildren(
    ...fact("Kind", job.kind),
    ...fact("Target", job.kind === "backlinks" ? jobTarget(job) : external(jobTarget(job))),
    ...(job.kind !== "backlinks" && site ? fact("Site", h("a", { href: siteUrl(site) }, site)) : []),
    ...fact("Pages", job.spec.max_pages ? `${c.crawled} of at most ${job.spec.max_pages}` : String(c.crawled)),
    ...fact("Failed · skipped", `${c.failed} · ${c.skipped}`),
    ...(ACTIVE.has(job.status) ? fact("Queued · in flight", `${c.queued} · ${c.in_flight}`) : []),
    ...fact("Priority", String(job.priority)),
    ...fact("Created", when(job.created_at)),
    ...(job.started_at ? fact("Started", when(job.started_at)) : []),
    ...(job.finished_at ? fact("Finished", when(job.finished_at)) : []),
    ...(took ? fact("Took", took) : []),
    ...(progress && progress.status === "running" && progress.elapsed_s !== null
      ? fact("Running for", seconds(progress.elapsed_s) + (progress.eta_s !== null ? ` · ETA ${seconds(progress.eta_s)}` : ""))
      : []),
    ...(job.error ? fact("Error", h("span", { class: "status-failed" }, job.error)) : []));
  $("job-spec").textContent = JSON.stringify(job.spec, null, 2);
}

async function cancel() {
  if (!confirm(`Cancel job ${JOB_ID}?`)) return;
  try {
    await api(`/scrape/${enc(JOB_ID)}`, { method: "DELETE" });
    $("job-message").textContent = `Cancelled job ${JOB_ID}.`;
  } catch (error) {
    $("job-message").textContent = problem(error, "Could not cancel");
  }
  refresh();
}

// -- failures ------------------------------------------------------------------------
async function loadFailures() {
  const data = await api(`/jobs/${enc(JOB_ID)}/failures?per_page=${PER_PAGE}&page=${state.failures}`);
  $("failures-summary").textContent = data.total
    ? `${data.failed} failed · ${data.skipped} skipped`
    : "None: every URL the job tried was stored.";
  $("failures").hidden = !data.total;
  document.querySelector("#failures tbody").replaceChildren(...data.items.map((f) => h("tr", {},
    h("td", { "data-label": "URL", class: "url", title: f.url }, f.url),
    h("td", { "data-label": "Outcome" }, h("span", { class: `status status-${f.outcome}` }, f.outcome)),
    h("td", { "data-label": "Status" }, f.status ?? ""),
    h("td", { "data-label": "Reason", class: "wrap" }, f.reason))));
  pager($("failures-pager"), data.page, data.total_pages, (n) => { state.failures = n; loadFailures().catch(report); });
}

// -- a crawl's pages -------------------------------------------------------------------
function pageFilters() {
  const form = $("pages-filter");
  const params = new URLSearchParams();
  const q = form.elements.namedItem("q").value.trim();
  const status = form.elements.namedItem("status").value.trim();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  return params;
}

function showMarkdown(item) {
  $("markdown-title").textContent = item.title || item.url;
  const link = $("markdown-url");
  link.href = item.url;
  link.textContent = item.url;
  $("markdown-text").textContent = item.markdown || item.text || "(no text)";
  $("markdown-dialog").showModal();
}

async function loadPages() {
  const params = pageFilters();
  params.set("partial", "true");
  params.set("per_page", PER_PAGE);
  params.set("page", state.pages);
  const data = await api(`/scrape/${enc(JOB_ID)}/result?${params}`);
  const filtered = params.has("q") || params.has("status");
  $("pages-summary").textContent = `${data.total} page(s)${filtered ? " match" : " stored"}` +
    (data.complete ? "" : " so far");
  document.querySelector("#pages tbody").replaceChildren(...data.items.map((item) => h("tr", {},
    h("td", { "data-label": "URL", class: "url", title: item.url }, external(item.url)),
    h("td", { "data-label": "Title", title: item.title || "" }, item.title || ""),
    h("td", { "data-label": "Status" }, item.status ?? ""),
    h("td", { "data-label": "Words" }, item.word_count ?? ""),
    h("td", { class: "action" }, h("button", {
      type: "button", onclick: () => showMarkdown(item), "aria-label": `Markdown of ${item.url}`,
    }, "Markdown")))));
  pager($("pages-pager"), data.page, data.total_pages, (n) => { state.pages = n; loadPages().catch(report); });
  return data;
}

// -- a business job's profile ------------------------------------------------------------
function sources(foundOn) {
  return h("span", { class: "found-on" }, "from ", ...(foundOn || []).flatMap((f, i) => [
    i ? ", " : "", external(f.url, f.role || new URL(f.url).pathname || f.url)]));
}

function profileList(title, entries, render) {
  if (!entries || !entries.length) return [h("h3", {}, title), h("p", { class: "empty" }, "None found.")];
  return [h("h3", {}, title), h("ul", { class: "values" }, ...entries.map((e) => h("li", {}, ...render(e), " ",
    sources(e.found_on))))];
}

function hours(entry) {
  if (typeof entry !== "object" || entry === null) return String(entry);
  return Object.values(entry).flat().join(" ");
}

function renderProfile(profile) {
  const card = $("profile");
  if (!profile) {
    card.replaceChildren(h("p", { class: "empty" }, "No profile yet: it is built when the job completes."));
    return;
  }
  const phoneTypes = ["landline", "mobile", "phone", "fax", "whatsapp"];
  const phones = [...profile.phones].sort((a, b) => phoneTypes.indexOf(a.type) - phoneTypes.indexOf(b.type));
  const address = (a) => [a.street, [a.postal_code, a.locality].filter(Boolean).join(" "), a.region, a.country]
    .filter(Boolean).join(", ") || a.as_written;
  const rendered = (profile.provenance && profile.provenance.rendered) || {};
  card.replaceChildren(...[
    h("h3", { id: "profile-name", class: "profile-name" }, profile.company_name || profile.site),
    profile.description ? h("p", { class: "description" }, profile.description) : null,
    profile.logo ? h("p", { class: "hint" }, "Logo: ", external(profile.logo)) : null,
    profile.registration || profile.vat_id
      ? h("p", { class: "hint" }, [profile.registration, profile.vat_id && `VAT ID ${profile.vat_id}`].filter(Boolean).join(" · "))
      : null,
    h("div", { class: "profile-grid" },
      h("div", {}, ...profileList("E-mails", profile.emails, (e) => [h("a", { href: `mailto:${e.email}` }, e.email)])),
      h("div", {}, ...profileList("Phones", phones, (p) => [
        h("span", { class: `badge badge-${p.type}` }, p.type), " ", h("a", { href: `tel:${p.e164}` }, p.e164),
        p.as_written && p.as_written !== p.e164 ? h("span", { class: "hint" }, ` (${p.as_written})`) : null])),
      h("div", {}, ...profileList("Addresses", profile.addresses, (a) => [address(a)])),
      h("div", {}, ...profileList("Social profiles", profile.socials, (s) => [
        h("span", { class: "badge" }, s.network), " ", external(s.url, s.handle || s.url)])),
      h("div", {}, h("h3", {}, "Opening hours"), profile.opening_hours.length
        ? h("ul", { class: "values" }, ...profile.opening_hours.map((e) => h("li", {}, hours(e))))
        : h("p", { class: "empty" }, "None found.")),
      h("div", {}, h("h3", {}, "Pages by role"), Object.keys(profile.pages).length
        ? h("dl", { class: "facts" }, ...Object.entries(profile.pages).flatMap(([role, url]) => fact(role, external(url))))
        : h("p", { class: "empty" }, "None found."))),
    Object.keys(rendered).length
      ? h("p", { class: "hint" }, "Rendered in Chromium: ", ...Object.entries(rendered).flatMap(([url, why], i) =>
        [i ? "; " : "", external(url), ` (${typeof why === "string" ? why : JSON.stringify(why)})`]))
      : null,
  ].filter(Boolean));
}

async function loadProfile() {
  const data = await api(`/scrape/${enc(JOB_ID)}/result?partial=true&per_page=1`);
  renderProfile(data.profile);
}

// -- a backlink job's link profile -----------------------------------------------------------
const REL = ["dofollow", "nofollow", "ugc", "sponsored"];

// One figure of the summary: its name over its number (a <div> groups them in the <dl>).
const figure = (name, value) => h("div", {}, h("dt", {}, name), h("dd", {}, value));

function renderSummary(s) {
  $("bl-summary").replaceChildren(
    figure("Backlinks", s.backlinks), figure("Referring domains", s.referring_domains),
    figure("Referring pages", s.referring_pages), figure("Dofollow", s.dofollow), figure("Nofollow", s.nofollow),
    figure("In content", s.in_content), figure("New (latest crawl)", s.new_since_previous_job),
    figure("Lost (latest crawl)", s.lost_since_previous_job), figure("Lost, all time", s.lost_total));
  const domains = s.top_referring_domains.map((d) => [d.domain, d.backlinks]);
  bars($("chart-domains"), domains, "backlinks");
  describe($("chart-domains"), `Referring domains: ${domains.map(([d, n]) => `${d} ${n}`).join(", ") || "none"}`);
  const anchors = s.top_anchors.map((a) => [a.anchor, a.backlinks]);
  bars($("chart-anchors"), anchors, "backlinks", COLORS[1]);
  describe($("chart-anchors"), `Anchor texts: ${anchors.map(([a, n]) => `"${a}" ${n}`).join(", ") || "none"}`);
  const rel = REL.map((r) => [r, s[r]]);
  doughnut($("chart-rel"), rel);
  describe($("chart-rel"), rel.map(([r, n]) => `${r} ${n}`).join(", "));
}

function renderLinkHistory(history) {
  const labels = history.crawls.map((c) => `${when(c.crawled_at)} (${c.job_id})`);
  draw($("chart-history"), {
    type: "bar",
    labels,
    datasets: [
      { label: "new", data: history.crawls.map((c) => c.new), backgroundColor: COLORS[1] },
      { label: "lost", data: history.crawls.map((c) => -c.lost), backgroundColor: COLORS[2] },
    ],
    options: { scales: { x: { stacked: true, ticks: { display: labels.length < 8, maxRotation: 0 } },
      y: { stacked: true, ticks: { precision: 0 } } } },
  });
  describe($("chart-history"), history.crawls.map((c) => `${c.job_id}: ${c.new} new, ${c.lost} lost`).join("; "));
}

function linkFilters() {
  const form = $("links-filter");
  const params = new URLSearchParams({ status: form.elements.namedItem("status").value });
  const rel = form.elements.namedItem("rel").value;
  if (rel) params.set("rel", rel);
  if (form.elements.namedItem("job").value === "this") params.set("job_id", JOB_ID);
  return params;
}

async function loadLinks(domain) {
  const params = linkFilters();
  params.set("per_page", PER_PAGE);
  params.set("page", state.links);
  const data = await api(`/backlinks/${enc(domain)}?${params}`);
  $("links-summary").textContent = `${data.total} link(s)`;
  document.querySelector("#links tbody").replaceChildren(...data.items.map((l) => {
    const flags = ["nofollow", "ugc", "sponsored"].filter((flag) => l[flag]);
    const rel = flags.length ? flags : ["dofollow"];
    return h("tr", {},
      h("td", { "data-label": "Source", class: "url", title: l.source_url }, external(l.source_url)),
      h("td", { "data-label": "Anchor", title: `→ ${l.target_url}` }, l.anchor_text || h("span", { class: "hint" }, "(none)")),
      h("td", { "data-label": "Rel" }, rel.join(" ")),
      h("td", { "data-label": "Type" }, l.link_type),
      h("td", { "data-label": "First seen" }, when(l.first_seen)),
      h("td", { "data-label": "Last seen" }, when(l.last_seen)),
      h("td", { "data-label": "Lost" }, l.lost_at ? `${when(l.lost_at)} (${l.lost_reason})` : ""));
  }));
  pager($("links-pager"), data.page, data.total_pages, (n) => { state.links = n; loadLinks(domain).catch(report); });
}

async function loadBacklinks(domain) {
  try {
    const [summary, history] = await Promise.all([
      api(`/backlinks/${enc(domain)}/summary?top=10`), api(`/backlinks/${enc(domain)}/history`)]);
    renderSummary(summary);
    renderLinkHistory(history);
    await loadLinks(domain);
  } catch (error) {
    if (error.status !== 404) throw error;
    $("links-summary").textContent = "No backlinks recorded yet.";
  }
}

// -- downloads -------------------------------------------------------------------------
function downloadButtons(job) {
  const formats = job.kind === "backlinks" ? ["csv", "jsonl", "json"] : ["json", "jsonl", "csv", "markdown"];
  const path = (fmt) => {
    if (job.kind === "backlinks") {
      const params = linkFilters();
      params.set("format", fmt);
      return `/backlinks/${enc(jobSite(job))}?${params}`;
    }
    const params = job.kind === "crawl" ? pageFilters() : new URLSearchParams();
    params.set("format", fmt);
    params.set("partial", "true");
    return `/scrape/${enc(JOB_ID)}/result?${params}`;
  };
  $("download-buttons").replaceChildren(...formats.map((fmt) => h("button", {
    type: "button", class: "secondary",
    onclick: async () => {
      const message = $("download-message");
      try {
        message.textContent = `Downloading ${await download(path(fmt))}…`;
      } catch (error) {
        message.textContent = problem(error, "Download failed");
      }
    },
  }, fmt.toUpperCase())));
}

// -- loading ---------------------------------------------------------------------------
async function loadResults(job) {
  const kind = job.kind === "crawl" || job.kind === "business" || job.kind === "backlinks" ? job.kind : "crawl";
  if (state.shownKind !== kind) {
    state.shownKind = kind;
    $("results").hidden = false;
    for (const k of ["crawl", "business", "backlinks"]) $(`results-${k}`).hidden = k !== kind;
    downloadButtons(job);
    const site = jobSite(job);
    if (kind !== "backlinks" && site) {
      $("ask-card").hidden = false;
      setupAsk(site);
    }
  }
  if (kind === "crawl") await loadPages();
  else if (kind === "business") await loadProfile();
  else await loadBacklinks(jobSite(job));
}

function report(error) {
  showBanner(problem(error, "Loading"));
}

let timer = null;

async function refresh() {
  clearTimeout(timer);
  try {
    await loadHealth();
    const job = await api(`/jobs/${enc(JOB_ID)}`);
    const active = ACTIVE.has(job.status);
    const progress = active ? await api(`/scrape/${enc(JOB_ID)}/progress`).catch(() => null) : null;
    state.job = job;
    $("job-missing").hidden = true;
    $("job-state").hidden = false;
    renderJob(job, progress);
    // While it runs: what is stored so far, every poll. Once done: one last time.
    if (active || !state.final) {
      await Promise.all([loadResults(job), loadFailures()]);
      state.final = !active;
    }
    showBanner("");
    if (active) timer = setTimeout(refresh, POLL_MS);
  } catch (error) {
    if (error.status === 404) {
      $("job-state").hidden = true;
      $("job-missing").hidden = false;
      $("job-missing").textContent = `No job ${JOB_ID}: unknown, or its record expired.`;
      return;
    }
    report(error);
    timer = setTimeout(refresh, POLL_MS * 2);
  }
}

$("job-cancel").addEventListener("click", cancel);
$("markdown-close").addEventListener("click", () => $("markdown-dialog").close());
$("pages-filter").addEventListener("submit", (event) => {
  event.preventDefault();
  state.pages = 1;
  loadPages().catch(report);
});
$("links-filter").addEventListener("submit", (event) => {
  event.preventDefault();
  state.links = 1;
  loadLinks(jobSite(state.job)).catch(report);
});
setupKeyForm(() => {
  state.final = false;
  refresh();
});
refresh();
