// ITU-R BS.1770-4 K-weighting (high-shelf "pre-filter" then RLB high-pass), with coefficients
// derived for any sample rate from the analogue prototypes (as libebur128 does), so 44.1 kHz
// and 96 kHz measure as exactly as 48 kHz.

export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export function kWeightingStages(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const G = 3.999843853973347;
  let Q = 0.7071752369554196;
  let K = Math.tan((Math.PI * f0) / sampleRate);
  const Vh = 10 ** (G / 20);
  const Vb = Vh ** 0.4996667741545416;
  let a0 = 1 + K / Q + K * K;
  const shelf: Biquad = {
    b0: (Vh + (Vb * K) / Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / Q + K * K) / a0,
  };
  f0 = 38.13547087602444;
  Q = 0.5003270373238773;
  K = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + K / Q + K * K;
  const highpass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / Q + K * K) / a0 };
  return [shelf, highpass];
}

/**
 * Squared K-weighted samples of one channel, summed into consecutive blocks of `blockSize`
 * samples (the 100 ms sub-blocks all BS.1770 measures are built from).
 */
export function kWeightedBlockEnergy(x: Float32Array, sampleRate: number, blockSize: number): Float64Array {
  const [s, h] = kWeightingStages(sampleRate);
  const blocks = new Float64Array(Math.floor(x.length / blockSize));
  // Direct form I in doubles: the shelf's gain and the 38 Hz pole need the precision.
  let x1 = 0, x2 = 0; // input history
  let y1 = 0, y2 = 0; // shelf output history (also the high-pass input history)
  let z1 = 0, z2 = 0; // high-pass output history
  let i = 0;
  for (let b = 0; b < blocks.length; b++) {
    let acc = 0;
    for (const end = i + blockSize; i < end; i++) {
      const xi = x[i]!;
      const y = s.b0 * xi + s.b1 * x1 + s.b2 * x2 - s.a1 * y1 - s.a2 * y2;
      const z = y - 2 * y1 + y2 - h.a1 * z1 - h.a2 * z2;
      x2 = x1; x1 = xi;
      y2 = y1; y1 = y;
      z2 = z1; z1 = z;
      acc += z * z;
    }
    blocks[b] = acc;
  }
  return blocks;
}
