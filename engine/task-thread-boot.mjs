// Starts a task thread from TypeScript sources (a built engine loads task-thread.js).
import { tsImport } from 'tsx/esm/api';

await tsImport('./task-thread.ts', import.meta.url);
