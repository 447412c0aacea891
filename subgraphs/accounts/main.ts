import { runSubgraphProcess } from '../kit/run-process';
import { ACCOUNTS_SUBGRAPH, createAccountsSubgraph } from './server';

runSubgraphProcess(ACCOUNTS_SUBGRAPH, createAccountsSubgraph);
