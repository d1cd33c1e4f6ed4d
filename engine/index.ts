// The engine's library API: what the CLI and the pipeline's workers call.
export type { AudioData, Progress } from './types.js';
export { analyze, type Analysis } from './analysis/analyze.js';
export { measureLoudness } from './analysis/loudness.js';
export { truePeak } from './analysis/truepeak.js';
export { master, presets, isPreset, SHORTEST_SECONDS, type MasterOptions, type MasterResult, type Preset } from './master.js';
export { analysisText, englishReportLabels, reportPng, reportText, type ReportLabels } from './report.js';
export {
  AudioFileError,
  decodeAudio,
  encodeAudio,
  extensionOf,
  isOutputFormat,
  outputFormats,
  readAudioFile,
  writeAudioFile,
  normalIsrc,
  type OutputFormat,
  type ReleaseTags,
} from './io/index.js';
export { masterFile, masterFileInThread, type MasterFileJob, type MasterSummary } from './master-file.js';
export { analyzeFile, type AnalyzeFileJob, type FileAnalysis } from './analyze-file.js';
export { analyzeFileInThread } from './thread-pool.js';
export { WaveformMeter, waveformOf, WAVEFORM_COLUMNS, type Waveform } from './analysis/waveform.js';
export { guessStemRole, isStemRole, isVocal, mixdown, stemRoles, type MixdownOptions, type MixdownReport, type StemInput, type StemRole } from './mixdown.js';
export { noteText, type EngineNote, type EngineNoteCode } from './notes.js';
