import { runSubgraphProcess } from '../kit/run-process';
import { createJourneySubgraph, JOURNEY_SUBGRAPH } from './server';

runSubgraphProcess(JOURNEY_SUBGRAPH, createJourneySubgraph);
