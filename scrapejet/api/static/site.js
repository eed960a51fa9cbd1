// A stored site's page (GET /site/<site>): the question box, what is
// stored (pages, index) and the crawls that stored it, each linked to its job.
import { setupAsk } from "./ask.js";
import { $, api, h, jobUrl, loadHealth, problem, setStatus, setupKeyForm, showBanner, when } from "./common.js";

const SITE = document.body.dataset.site;

async function refresh() {
  try {
    await loadHealth();
    const site = await api(`/sites/${encodeURIComponent(SITE)}`);
    $("site-missing").hidden = true;
    $("site-facts").replaceChildren(...[
      ["Pages", site.pages], ["URLs", site.urls], ["Crawls", site.jobs], ["Last fetched", when(site.last_fetched_at)],
      ["Index", site.index.detail],
    ].flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
    document.querySelector("#crawls tbody").replaceChildren(...site.crawls.map((c) => {
      const status = h("span");
      setStatus(status, c.status || "unknown");
      return h("tr", {},
        h("td", { "data-label": "Job" }, h("a", { href: jobUrl(c.job_id), class: "mono" }, c.job_id)),
        h("td", { "data-label": "Status" }, status),
        h("td", { "data-label": "Pages" }, c.pages),
        h("td", { "data-label": "Started" }, when(c.created_at)),
        h("td", { "data-label": "Finished" }, when(c.finished_at)));
    }));
    showBanner("");
  } catch (error) {
    if (error.status === 404) {
      $("site-missing").hidden = false;
      $("site-missing").textContent = `No pages of ${SITE} are stored: crawl it from the dashboard first.`;
      return;
    }
    showBanner(problem(error, "Loading"));
  }
}

setupAsk(SITE);
setupKeyForm(refresh);
refresh();
