// A worker that is ready to hash with hash-wasm: the library loaded and
// its SHA-256 instantiated (what the harness's hash-wasm worker does first).
import { createSHA256 } from "./nm/hash-wasm/index.esm.js";

await createSHA256();
postMessage({ type: "ready" });
