// Progressive enhancement: a filter box over long facet lists. Without JavaScript every value
// is still listed and linked.
document.querySelectorAll("[data-facet-filter]").forEach((input) => {
  const list = document.getElementById(input.dataset.facetFilter);
  input.closest("label").hidden = false;
  input.addEventListener("input", () => {
    const needle = input.value.trim().toLowerCase();
    list.querySelectorAll("li").forEach((item) => {
      item.hidden = needle !== "" && !item.textContent.toLowerCase().includes(needle);
    });
  });
});
