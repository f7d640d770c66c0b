// Progressive enhancement: a filter box over long facet lists, which also searches the values
// folded under "Show all". Without JavaScript every value is still listed and linked.
document.querySelectorAll("[data-facet-filter]").forEach((input) => {
  const section = document.getElementById(input.dataset.facetFilter);
  const more = section.querySelector("details");
  input.closest("label").hidden = false;
  input.addEventListener("input", () => {
    const needle = input.value.trim().toLowerCase();
    if (needle && more) more.open = true;
    section.querySelectorAll(".facet-list li").forEach((item) => {
      item.hidden = needle !== "" && !item.textContent.toLowerCase().includes(needle);
    });
  });
});
