export { builtinManifests, registerBuiltinKinds } from './builtinKinds.ts';
export {
  loadSampleCommunity,
  type SampleOptions,
  type SampleSummary,
} from './loadSampleCommunity.ts';
