// Runs the edge worker's bundle (argv[2], a build folder) in Miniflare,
// Cloudflare's local runtime (workerd underneath), with a KV namespace
// NETWORK, UPSTREAM = argv[3] (a fake upstream on loopback), SITE_URL ($SITE_URL,
// else https://hashswitch.example) and
// HISTORY_EVERY = argv[5] (seconds; the history's refresh age, default a day),
// and the Cache API when argv[4] is "cache" (else one that keeps nothing). For each line
// on stdin it fires the Cron Trigger (when the line is "cron") or asks the
// path it names, and prints one JSON line: the answer, or the KV snapshot
// with the history's status and its size in KV.
// Used by wasm/cmd/edge's Go test; it reaches nothing but loopback.
import { createInterface } from "node:readline";
import { Miniflare } from "miniflare";

const [dir, upstream, cache, historyEvery] = process.argv.slice(2);
const mf = new Miniflare({
  modulesRoot: dir,
  modules: [
    { type: "ESModule", path: `${dir}/worker.mjs` },
    { type: "ESModule", path: `${dir}/runtime.mjs` },
    { type: "ESModule", path: `${dir}/wasm_exec.js` },
    { type: "CompiledWasm", path: `${dir}/app.wasm` },
  ],
  compatibilityDate: "2025-01-01",
  compatibilityFlags: ["nodejs_compat"],
  kvNamespaces: ["NETWORK"],
  cache: cache === "cache",
  bindings: { UPSTREAM: upstream, SITE_URL: process.env.SITE_URL || "https://hashswitch.example", ...(historyEvery ? { HISTORY_EVERY: historyEvery } : {}) },
});

// Protocol lines start with "@@ ": the worker's own logs share stdout.
const out = (v) => process.stdout.write("@@ " + JSON.stringify(v) + "\n");
try {
  const worker = await mf.getWorker();
  const kv = await mf.getKVNamespace("NETWORK");
  out({ ready: true, url: String(await mf.ready) }); // it also serves HTTP there
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === "cron") {
      await worker.scheduled({ cron: "*/10 * * * *" });
      out({
        kv: JSON.parse((await kv.get("snapshot")) ?? "null"),
        historyStatus: JSON.parse((await kv.get("history-status")) ?? "null"),
        historyBytes: (await kv.get("history"))?.length ?? 0,
      });
    } else if (line) {
      const res = await mf.dispatchFetch(`http://localhost${line}`);
      const text = await res.text();
      out({
        status: res.status,
        cacheControl: res.headers.get("cache-control"),
        cacheStatus: res.headers.get("cf-cache-status"),
        // The API's and oEmbed's answers are JSON; a page, its HTML as a string.
        body: /json/.test(res.headers.get("content-type") ?? "") ? JSON.parse(text) : text,
      });
    }
  }
} catch (err) {
  out({ error: String(err && err.stack || err) });
} finally {
  await mf.dispose();
}
