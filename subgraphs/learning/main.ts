import { runSubgraphProcess } from '../kit/run-process';
import { createLearningSubgraph, LEARNING_SUBGRAPH } from './server';

runSubgraphProcess(LEARNING_SUBGRAPH, createLearningSubgraph);
