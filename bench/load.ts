// Every benchmark says how busy the machine was: a figure from a loaded machine is no figure.
import { loadavg } from 'node:os';

/** "load average 0.12 0.30 0.41" (1, 5 and 15 minutes). */
export const loadAverage = (): string =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
