// Loads the engine's generated WebAssembly SIMD kernels. Null where WebAssembly SIMD is unavailable
// or MIXDESK_SIMD=0: the callers then run their JavaScript code, which gives the same results.

// Node has WebAssembly; the ES libraries TypeScript is set up with do not declare it.
const wasm = (globalThis as unknown as { WebAssembly?: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } } })
  .WebAssembly;

export function loadKernel<T>(base64: string): T | null {
  if (process.env.MIXDESK_SIMD === '0' || !wasm) return null;
  try {
    return new wasm.Instance(new wasm.Module(Buffer.from(base64, 'base64'))).exports as T;
  } catch {
    return null;
  }
}
