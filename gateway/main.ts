import { createTokenVerifier } from '../subgraphs/kit/auth';
import { runProcess } from '../subgraphs/kit/run-process';
import { createGateway } from './server';
import { readSupergraph } from './supergraph';

runProcess('gateway', async ({ config, logger }) => ({
  service: createGateway({
    config,
    logger,
    verifier: createTokenVerifier(config),
    supergraphSdl: readSupergraph(config.HUB_SUPERGRAPH_PATH),
  }),
}));
