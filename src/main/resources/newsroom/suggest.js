// Suggestions as one types a list of names (tags, people, organisations, places): the names
// already in use that begin with the last name being typed, from /newsroom/subjects, offered
// through a datalist. A new name is as welcome as a suggested one.
const SEPARATORS = /[,،]/;

for (const input of document.querySelectorAll("input[data-suggest]")) {
  const list = document.createElement("datalist");
  list.id = "suggest-" + input.name;
  input.after(list);
  input.setAttribute("list", list.id);
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(SEPARATORS);
      const last = parts.pop().trim();
      if (!last) return;
      const head = parts.map((p) => p.trim()).filter((p) => p).join(", ");
      const query = new URLSearchParams({ kind: input.dataset.suggest, language: input.dataset.language, q: last });
      const answer = await fetch("/newsroom/subjects?" + query, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!answer.ok) return;
      const names = await answer.json();
      list.replaceChildren(...names.map((name) => {
        const option = document.createElement("option");
        option.value = head ? head + ", " + name : name;
        return option;
      }));
    }, 200);
  });
}
