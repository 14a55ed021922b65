// The Worker of the "Gaps in the repertoire" analysis: the page posts the graph (read with the
// plugin's graph.read), this computes the gaps off the page's thread and posts back the table.
import { serveAnalysis } from '@repertoire/plugin-api';
import { findGaps, gapsTable } from './gaps.ts';

serveAnalysis(({ entities, relations }) => gapsTable(findGaps(entities, relations)));
