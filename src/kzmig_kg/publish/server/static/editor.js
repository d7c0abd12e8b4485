// The SPARQL editor: YASGUI on this server's endpoint, the named queries as examples.
(function () {
  var examples = JSON.parse(document.getElementById("examples").textContent);
  var endpoint = location.origin + "/sparql";
  var params = new URLSearchParams(location.search);
  var first = params.get("query") || (examples[params.get("example")] || {}).text ||
    "SELECT ?act ?title WHERE {\n  ?act a eli:LegalResource ; dct:title ?title .\n  FILTER (lang(?title) = \"en\")\n} ORDER BY ?title LIMIT 20";
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    yasqe: { value: first, autocompleters: ["prefixes", "variables"] }
  });
  var select = document.getElementById("example");
  select.addEventListener("change", function () {
    var chosen = examples[select.value];
    if (chosen) { yasgui.getTab().setQuery(chosen.text); }
  });
  if (params.get("example") && examples[params.get("example")]) { select.value = params.get("example"); }
  window.kzmigEditor = yasgui;
})();
