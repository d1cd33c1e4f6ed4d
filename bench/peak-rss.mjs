// Peak resident memory of this process. On Linux, getrusage's maxRSS survives exec, so a child
// started by a big parent reports the parent's size (fork briefly shares it); VmHWM belongs to
// this program's own address space.
import { readFileSync } from 'node:fs';

export function peakRssMB() {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
