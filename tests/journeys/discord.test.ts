// The golden transcripts of every journey on Discord (tests/journeys/transcripts.ts).
import { transcriptsOn } from './transcripts.js';

transcriptsOn('discord');
