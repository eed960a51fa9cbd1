// Charts on the vendored Chart.js (static/vendor/chart.umd.min.js, loaded
// before the page's module as a plain script: it defines window.Chart).
// A chart is drawn once per canvas and updated in place after that, so a
// refresh every few seconds does not flicker or leak charts.

export const COLORS = ["#1f5fbf", "#1c7c3c", "#b3261e", "#8a5a00", "#6a3fb5", "#0b7a86", "#c2185b", "#5b6470"];

export function draw(canvas, { type, labels, datasets, options = {} }) {
  const { Chart } = window;
  const existing = Chart.getChart(canvas);
  if (existing && existing.config.type === type) {
    existing.data.labels = labels;
    existing.data.datasets.forEach((d, i) => Object.assign(d, datasets[i]));
    if (existing.data.datasets.length !== datasets.length) existing.data.datasets = datasets;
    existing.update("none");
    return existing;
  }
  if (existing) existing.destroy();
  return new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: datasets.length > 1 || type === "doughnut", position: "bottom" } },
      ...options,
    },
  });
}

// Bars of `rows` ([label, value] pairs), horizontal: long labels (anchor
// texts, domains) stay readable on a phone.
export function bars(canvas, rows, label, color = COLORS[0]) {
  return draw(canvas, {
    type: "bar",
    labels: rows.map(([name]) => (name.length > 40 ? `${name.slice(0, 39)}…` : name)),
    datasets: [{ label, data: rows.map(([, n]) => n), backgroundColor: color }],
    options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

export function doughnut(canvas, rows) {
  return draw(canvas, {
    type: "doughnut",
    labels: rows.map(([name]) => name),
    datasets: [{ data: rows.map(([, n]) => n), backgroundColor: rows.map((_, i) => COLORS[i % COLORS.length]) }],
  });
}

// A canvas's text alternative: what the chart shows, for screen readers.
export function describe(canvas, text) {
  canvas.setAttribute("aria-label", text);
  canvas.textContent = text;
}
