// WebAssembly text to a module for the engine's generated kernels (wabt, SIMD enabled), and the
// TypeScript file that carries it as base64.
import wabt from 'wabt';

export async function assemble(name: string, wat: string): Promise<string> {
  const w = await wabt();
  const mod = w.parseWat(name, wat, { simd: true });
  try {
    mod.validate();
    return Buffer.from(mod.toBinary({}).buffer).toString('base64');
  } finally {
    mod.destroy();
  }
}
