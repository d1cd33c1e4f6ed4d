// Starts the helper thread from TypeScript sources: registers tsx in this thread, then loads
// the worker. (A built copy of the engine loads parallel-worker.js directly.)
import { tsImport } from 'tsx/esm/api';

await tsImport('./parallel-worker.ts', import.meta.url);
