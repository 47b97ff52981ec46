// Runs the edge worker's bundle (argv[2], a build folder) in Miniflare,
// Cloudflare's local runtime (workerd underneath), with a KV namespace
// NETWORK, UPSTREAM = argv[3] (a fake upstream on loopback) and SITE_URL,
// and the Cache API when argv[4] is "cache" (else one that keeps nothing). For each line
// on stdin it fires the Cron Trigger (when the line is "cron") or asks the
// path it names, and prints one JSON line: the answer, or the KV snapshot.
// Used by wasm/cmd/edge's Go test; it reaches nothing but loopback.
import { createInterface } from "node:readline";
import { Miniflare } from "miniflare";

const [dir, upstream, cache] = process.argv.slice(2);
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
  bindings: { UPSTREAM: upstream, SITE_URL: "https://hashswitch.example" },
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
      out({ kv: JSON.parse((await kv.get("snapshot")) ?? "null") });
    } else if (line) {
      const res = await mf.dispatchFetch(`http://localhost${line}`);
      out({
        status: res.status,
        cacheControl: res.headers.get("cache-control"),
        cacheStatus: res.headers.get("cf-cache-status"),
        body: await res.json(),
      });
      // (every answer of the worker is JSON: the API's and oEmbed's)
    }
  }
} catch (err) {
  out({ error: String(err && err.stack || err) });
} finally {
  await mf.dispose();
}
