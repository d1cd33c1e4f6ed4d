// The golden transcripts of every journey on the console (tests/journeys/transcripts.ts).
import { transcriptsOn } from './transcripts.js';

transcriptsOn('console');
