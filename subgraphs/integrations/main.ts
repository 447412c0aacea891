import { runSubgraphProcess } from '../kit/run-process';
import { createIntegrationsSubgraph, INTEGRATIONS_SUBGRAPH } from './server';

runSubgraphProcess(INTEGRATIONS_SUBGRAPH, createIntegrationsSubgraph);
