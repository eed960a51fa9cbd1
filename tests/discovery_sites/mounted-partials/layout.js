// Mounts the header and footer from partial files a moment after the load
// event, as sites that share them between pages do.
async function mount(selector, url) {
  const res = await fetch(url, { cache: "no-store" });
  document.querySelector(selector).innerHTML = await res.text();
}
window.addEventListener("load", () => {
  setTimeout(async () => {
    await mount("#siteHeaderMount", "/partials/header.html");
    await mount("#siteFooterMount", "/partials/footer.html");
  }, 300);
});
