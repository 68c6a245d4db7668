// Suggestions as one types a list of names (tags, people, organisations, places, bylines): the names
// already in use that begin with the last name being typed, from /newsroom/subjects, offered
// through a datalist. A new name is as welcome as a suggested one.
const SEPARATORS = /[,،]/;

let lists = 0;
for (const input of document.querySelectorAll("input[data-suggest]")) {
  const list = document.createElement("datalist");
  list.id = "suggest-" + input.name + "-" + ++lists;
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
      let names;
      try {
        const answer = await fetch("/newsroom/subjects?" + query, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!answer.ok) return;
        names = await answer.json();
      } catch {
        return; // offline: a name may be typed without suggestions
      }
      list.replaceChildren(...names.map((name) => {
        const option = document.createElement("option");
        option.value = head ? head + ", " + name : name;
        return option;
      }));
    }, 200);
  });
}
