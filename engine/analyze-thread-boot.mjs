// Starts the analysis thread from TypeScript sources (a built engine loads analyze-thread.js).
import { tsImport } from 'tsx/esm/api';

await tsImport('./analyze-thread.ts', import.meta.url);
