// The golden transcripts of every journey on the telegram (tests/journeys/transcripts.ts).
import { transcriptsOn } from './transcripts.js';

transcriptsOn('telegram');
