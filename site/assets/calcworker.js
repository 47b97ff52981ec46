// The page's Go off the main thread. The build puts Go's wasm_exec.js in
// front of this file, so the worker is one script. A page whose network
// figures are newer than the ones it was built with recomputes its
// calculators here, while the reader reads, instead of starting its Go on
// the main thread, where a cold start blocked the page for over a second
// on a phone (BENCH.md, 26 November 2026). The page sends
//
//   {module, network, from, lang, calcs: [{name, query}, ...]}
//
// (module: the page's compiled WebAssembly.Module, shared, so the code the
// engine compiles here serves the page's own Go later) and gets back
// {freshness, results}: hashswitch.network's and hashswitch.widget's JSON
// text, one result per calculator, or {error}.
self.onmessage = async ({ data }) => {
  try {
    const go = new self.Go();
    const ready = new Promise((resolve) => { self.hashswitchReady = resolve; });
    const instance = await WebAssembly.instantiate(data.module, go.importObject);
    go.run(instance);
    await ready;
    const h = self.hashswitch;
    const freshness = h.network(data.network, data.from, data.lang);
    const results = data.calcs.map(({ name, query }) => h.widget(name, query, data.lang));
    postMessage({ freshness, results });
    h.close();
  } catch (err) {
    postMessage({ error: String(err) });
  }
};
