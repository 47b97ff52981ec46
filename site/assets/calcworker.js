// The page's Go off the main thread. The build puts Go's wasm_exec.js in
// front of this file, so the worker is one script. A page whose network
// figures are newer than the ones it was built with recomputes its
// calculators here, while the reader reads, instead of starting its Go on
// the main thread, where a cold start blocked the page for over a second
// on a phone, and compiling the module there blocked it for a tenth of a
// second (BENCH.md, 26 November 2026). The page sends
//
//   {wasm, network, from, lang, calcs: [{name, query, id}, ...]}
//
// (wasm: the URL of the page's WebAssembly, which the worker compiles) and
// gets back {module, freshness, results}: the compiled WebAssembly.Module,
// which the page's own Go starts from on a touch (the code the engine
// compiled here serves it too), and hashswitch.network's and
// hashswitch.widget's JSON text, one result per calculator; or {error}.
self.onmessage = async ({ data }) => {
  try {
    const module = await WebAssembly.compileStreaming(fetch(data.wasm));
    const go = new self.Go();
    const ready = new Promise((resolve) => { self.hashswitchReady = resolve; });
    const instance = await WebAssembly.instantiate(module, go.importObject);
    go.run(instance);
    await ready;
    const h = self.hashswitch;
    const freshness = h.network(data.network, data.from, data.lang);
    const results = data.calcs.map(({ name, query, id }) => h.widget(name, query, data.lang, id));
    postMessage({ module, freshness, results });
    h.close();
  } catch (err) {
    postMessage({ error: String(err) });
  }
};
