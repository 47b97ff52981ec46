// The edge worker's entry point, in place of syumai/workers' worker.mjs
// (build/gen.BuildEdge writes it beside that glue's runtime.mjs and
// wasm_exec.js). Two differences:
// - one Go instance per isolate, started by the first request or Cron
//   Trigger and kept (syumai/workers' starts one for every request: 16-20 ms
//   each in workerd here); it serves through binding.serve (bridge.go) and
//   runs the Cron Trigger through syumai/workers' binding.runScheduler;
// - a GET that Go answered as public (Cache-Control: public, max-age=N:
//   every answer that depends on the URL alone, and the network figures for
//   their 60 s) is kept in the Workers Cache API and answered from it
//   without calling Go. The Cache API does nothing on workers.dev: it needs
//   the worker on a route of your own zone.
import "./wasm_exec.js";
import { createRuntimeContext, loadModule } from "./runtime.mjs";

// syumai/workers' Go code calls it.
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (error) {
    return { error };
  }
};

let instance; // a promise of the Go instance's binding

function go(env, ctx) {
  instance ??= start(env, ctx).catch((err) => {
    instance = undefined;
    throw err;
  });
  return instance;
}

async function start(env, ctx) {
  const binding = {};
  const runtime = new Go();
  let ready;
  const started = new Promise((resolve) => (ready = resolve));
  const wasm = new WebAssembly.Instance(await loadModule(), {
    ...runtime.importObject,
    workers: { ready: () => ready() },
  });
  // Should Go ever exit, the next request starts a new instance.
  runtime.run(wasm, createRuntimeContext({ env, ctx, binding })).finally(() => (instance = undefined));
  await started;
  return binding;
}

async function fetch(req, env, ctx) {
  const cache = req.method === "GET" ? globalThis.caches?.default : undefined;
  const hit = await cache?.match(req).catch(uncached);
  if (hit) return hit;
  const binding = await go(env, ctx);
  const { status, headers, body } = await binding.serve(req.method, req.url, JSON.stringify([...req.headers]));
  const res = new Response(req.method === "HEAD" ? null : body, { status, headers });
  if (cache && status === 200 && /\bpublic\b/.test(res.headers.get("Cache-Control") ?? "")) {
    ctx.waitUntil(cache.put(req, res.clone()).catch(uncached));
  }
  return res;
}

// uncached: a cache that fails (or a runtime with none, as workerd alone)
// costs the answer nothing but the cache.
function uncached(err) {
  if (!uncached.said) console.log("edge: the Cache API failed; answering without it:", String(err));
  uncached.said = true;
}

async function scheduled(event, env, ctx) {
  const binding = await go(env, ctx);
  return binding.runScheduler(event);
}

export default { fetch, scheduled };
