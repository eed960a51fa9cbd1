// The question box of a site (job and site pages): POST /query over the
// site's stored pages, then the answer with its numbered citations linked
// to the sources they name, and the mode (extractive or the model's).
import { $, api, clearFieldErrors, h, problem, showFieldErrors } from "./common.js";

let asked = 0;

// "[2]" in the answer becomes a link to source 2 of this answer.
function withCitations(text, prefix, count) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (n < 1 || n > count) continue;
    parts.push(text.slice(last, match.index));
    parts.push(h("a", { href: `#${prefix}-${n}`, class: "cite", "aria-label": `source ${n}` }, `[${n}]`));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function renderAnswer(result) {
  asked += 1;
  const prefix = `answer${asked}-source`;
  const mode = result.mode === "llm" ? `written by ${result.model}` : "sentences of the sources, no model";
  return h("article", { class: "answer" },
    h("h3", {}, result.question),
    h("p", { class: "mode" }, h("span", { class: `badge badge-${result.mode}` }, result.mode), ` ${mode}`,
      result.error ? ` · the model failed: ${result.error}` : ""),
    h("p", { class: "answer-text" }, ...withCitations(result.answer, prefix, result.sources.length)),
    result.sources.length
      ? h("ol", { class: "sources" }, ...result.sources.map((s) => h("li", { id: `${prefix}-${s.n}` },
        h("a", { href: s.url, rel: "noreferrer noopener", target: "_blank" }, s.title || s.url),
        h("span", { class: "hint" }, ` ${s.url}`),
        h("blockquote", {}, s.snippet))))
      : h("p", { class: "empty" }, "No source matched the question."),
    result.unindexed_pages
      ? h("p", { class: "hint" }, `${result.unindexed_pages} page(s) of the site were not indexed yet: ask again later for an answer that sees them.`)
      : null);
}

export function setupAsk(site) {
  const form = $("ask-form");
  const message = $("ask-message");
  $("ask-site").textContent = site;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = form.elements.namedItem("question").value.trim();
    const button = form.querySelector("button[type=submit]");
    clearFieldErrors(form);
    button.disabled = true;
    message.className = "form-message";
    message.textContent = "Answering… (the first question loads the embedding model)";
    try {
      const result = await api("/query", { method: "POST", body: { question, site_name: site } });
      $("answers").prepend(renderAnswer(result));
      message.textContent = "";
    } catch (error) {
      message.className = "form-message error";
      if (error.body && error.body.detail && error.status === 422) showFieldErrors(form, error.body);
      message.textContent = problem(error, "Not answered");
    } finally {
      button.disabled = false;
    }
  });
}
