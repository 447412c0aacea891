import { runSubgraphProcess } from '../kit/run-process';
import { SEARCH_SUBGRAPH, createSearchSubgraph } from './server';

runSubgraphProcess(SEARCH_SUBGRAPH, createSearchSubgraph);
