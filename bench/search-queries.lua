-- bench/search-queries.lua: wrk script for bench/search.sh. Each request is one of these
-- searches, in turn: single words, phrases, prefixes, exclusions, filters, newest first, a second
-- page and the Persian edition, all over the benchmark corpus.
local queries = {
  "/search?q=government",
  "/search?q=oil+exports",
  "/search?q=%22power+cuts%22",
  "/search?q=elect*",
  "/search?q=water+-tehran",
  "/search?q=protest&section=iraq",
  "/search?q=ministry&type=brief",
  "/search?q=parliament&sort=date",
  "/search?q=government&page=2",
  "/search?q=inflation+OR+currency",
  "/search?q=basra&from=2023-01-01&to=2023-12-31",
  "/search?q=drought",
  "/search?q=%22central+bank%22+rial",
  "/search?q=reform*&sort=date",
  "/search?q=kurdistan+regional",
  "/fa/search?q=%D8%AA%D9%87%D8%B1%D8%A7%D9%86",
}
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end
