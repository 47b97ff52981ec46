// One implementation, hashing for a while. Each checks its hash of nonce 0
// against the expected one first, so a broken setup reports an error, not
// a speed.
import "./wasm_exec.js";
import { createSHA256 } from "./nm/hash-wasm/index.esm.js";
import { sha256 } from "./nm/noble-hashes/sha2.js";

const toHex = (b) => [...b].reverse().map((x) => x.toString(16).padStart(2, "0")).join("");
const fromHex = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));

// startGo runs hashbench.wasm, or with simd the build whose kernel hashes
// four nonces at a time in WebAssembly SIMD lanes (a worker runs one).
async function startGo(simd) {
  const ready = new Promise((resolve) => { self.hashbenchReady = resolve; });
  const go = new self.Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch(simd ? "hashbench-simd.wasm" : "hashbench.wasm"), go.importObject);
  go.run(instance);
  await ready;
  return self.hashbench;
}

// goMidstate is our scanner, hashbench.search, in either build.
async function goMidstate(header, simd) {
  const hb = await startGo(simd);
  const zero = "0".repeat(64);
  return {
    check() {
      const r = hb.search(header, "f".repeat(64), 0, 1);
      if (r.lanes !== (simd ? 4 : 1)) throw new Error(`the ${simd ? "SIMD" : "scalar"} build hashes ${r.lanes} nonces at once`);
      return r.bestHash;
    },
    loop(start, deadline) {
      let n = 0;
      while (performance.now() < deadline) { n += hb.search(header, zero, (start + n) >>> 0, 20000).hashes; }
      return n;
    },
  };
}

// Each implementation: hash(buf) for checking, loop(buf, start, deadline) -> hashes.
const impls = {
  "go-simd": (header) => goMidstate(header, true),
  "go-midstate": (header) => goMidstate(header, false),
  async "go-naive"(header) {
    const hb = await startGo(false);
    return {
      check: () => hb.search(header, "f".repeat(64), 0, 1).bestHash, // naive keeps no hash; its loop is checked natively
      loop(start, deadline) {
        let n = 0;
        while (performance.now() < deadline) { n += hb.naive(header, (start + n) >>> 0, 10000).hashes; }
        return n;
      },
    };
  },
  async "hash-wasm"(header) {
    const h = await createSHA256();
    const buf = fromHex(header);
    const view = new DataView(buf.buffer);
    const once = () => { h.init(); h.update(buf); const d = h.digest("binary"); h.init(); h.update(d); return h.digest("binary"); };
    return {
      check: () => { view.setUint32(76, 0, true); return toHex(once()); },
      loop(start, deadline) {
        let n = 0;
        while (performance.now() < deadline) {
          for (let i = 0; i < 1000; i++, n++) { view.setUint32(76, (start + n) >>> 0, true); once(); }
        }
        return n;
      },
    };
  },
  async noble(header) {
    const buf = fromHex(header);
    const view = new DataView(buf.buffer);
    return {
      check: () => { view.setUint32(76, 0, true); return toHex(sha256(sha256(buf))); },
      loop(start, deadline) {
        let n = 0;
        while (performance.now() < deadline) {
          for (let i = 0; i < 1000; i++, n++) { view.setUint32(76, (start + n) >>> 0, true); sha256(sha256(buf)); }
        }
        return n;
      },
    };
  },
  async webcrypto(header) {
    const base = fromHex(header);
    const digest2 = async (b) => new Uint8Array(await crypto.subtle.digest("SHA-256", await crypto.subtle.digest("SHA-256", b)));
    return {
      check: async () => { const b = base.slice(); new DataView(b.buffer).setUint32(76, 0, true); return toHex(await digest2(b)); },
      async loop(start, deadline) {
        let n = 0;
        while (performance.now() < deadline) {
          // 64 at a time: the API is asynchronous, so keep it busy.
          const batch = [];
          for (let i = 0; i < 64; i++, n++) {
            const b = base.slice();
            new DataView(b.buffer).setUint32(76, (start + n) >>> 0, true);
            batch.push(digest2(b));
          }
          await Promise.all(batch);
        }
        return n;
      },
    };
  },
};

self.onmessage = async ({ data }) => {
  try {
    const impl = await impls[data.impl](data.header);
    const got = await impl.check();
    if (got !== data.expect) throw new Error(`hash of nonce 0 is ${got}, want ${data.expect}`);
    // Half a second untimed first: V8 compiles WebAssembly with its
    // baseline compiler and optimizes hot functions later, in the
    // background; a miner runs for minutes, so its speed is the optimized one.
    await impl.loop(data.start, performance.now() + 500);
    const t0 = performance.now();
    const hashes = await impl.loop(data.start, t0 + data.ms);
    postMessage({ hashes, ms: performance.now() - t0 });
  } catch (err) {
    postMessage({ error: String(err) });
  }
};
