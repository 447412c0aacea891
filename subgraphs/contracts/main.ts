import { runSubgraphProcess } from '../kit/run-process';
import { CONTRACTS_SUBGRAPH, createContractsSubgraph } from './server';

runSubgraphProcess(CONTRACTS_SUBGRAPH, createContractsSubgraph);
