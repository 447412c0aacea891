import { runSubgraphProcess } from '../kit/run-process';
import { SUPPORT_SUBGRAPH, createSupportSubgraph } from './server';

runSubgraphProcess(SUPPORT_SUBGRAPH, createSupportSubgraph);
