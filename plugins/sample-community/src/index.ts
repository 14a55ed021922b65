export { builtinManifests, registerBuiltinKinds } from './builtinKinds.ts';
export {
  SAMPLE_HEALTH_ELEMENT_ORDER,
  SAMPLE_HEALTH_ROUNDS,
  type SampleHealthAnswer,
  type SampleHealthRound,
} from './healthCheckRounds.ts';
export {
  loadSampleCommunity,
  type SampleOptions,
  type SampleSummary,
} from './loadSampleCommunity.ts';
export { type SampleDates, sampleDates, weeksToNow } from './sampleDates.ts';
