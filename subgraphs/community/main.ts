import { runSubgraphProcess } from '../kit/run-process';
import { COMMUNITY_SUBGRAPH, createCommunitySubgraph } from './server';

runSubgraphProcess(COMMUNITY_SUBGRAPH, createCommunitySubgraph);
