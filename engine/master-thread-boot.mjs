// Starts the mastering thread from TypeScript sources (a built engine loads master-thread.js).
import { tsImport } from 'tsx/esm/api';

await tsImport('./master-thread.ts', import.meta.url);
