// Progressive enhancement: organization names as you type, from a small JSON endpoint, offered
// through the input's <datalist>. The form works the same without JavaScript.
const input = document.querySelector("[data-suggest-url]");
if (input) {
  const list = document.getElementById(input.getAttribute("list"));
  let timer = null;
  let last = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2 || text === last) return;
      last = text;
      const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(text)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      list.replaceChildren(
        ...data.suggestions.map((s) => {
          const option = document.createElement("option");
          option.value = s.name;
          if (s.acronym) option.label = `${s.name} (${s.acronym})`;
          return option;
        }),
      );
    }, 150);
  });
}
