// Progressive enhancement: a button that copies the citation line. Without JavaScript (or
// without clipboard access) the citation stays plain, selectable text.
const citation = document.getElementById("citation");
if (citation && navigator.clipboard) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = "Copy citation";
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  status.className = "meta";
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(citation.textContent.trim());
    status.textContent = " Copied.";
  });
  citation.after(button, status);
}
