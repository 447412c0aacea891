import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { TokenVerifier } from '../subgraphs/kit/auth';
import type { HubConfig } from '../subgraphs/kit/config';
import { sendError, sendJson, type RouteHandler } from '../subgraphs/kit/http';
import type { Logger } from '../subgraphs/kit/logger';
import type { GatewayContext } from './context';
import { createDemoUsers } from './portal-demo-users';
import { portalFeatures } from './portal-features';

const PORTAL_DIRECTORY = join(__dirname, 'portal');
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The page's files by URL path, listed once at start: requests match these exact paths, so no
 * request path ever reaches the file system.
 */
function portalFiles(): Record<string, { file: string; contentType: string }> {
  const page = { file: 'index.html', contentType: 'text/html; charset=utf-8' };
  const files: Record<string, { file: string; contentType: string }> = { '/portal': page, '/portal/': page };
  let names: string[] = [];
  try {
    names = readdirSync(PORTAL_DIRECTORY);
  } catch {
    // Not installed beside the code: `/portal` answers 404 naming the missing file.
  }
  for (const name of names) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType && name !== 'index.html') files[`/portal/${name}`] = { file: name, contentType };
  }
  return files;
}

/**
 * Scripts and styles from this origin only, no inline script, GraphQL calls to this origin only.
 * Trusted Types make every HTML sink (innerHTML …) refuse plain strings: only the page's one
 * policy, which admits search highlights, can produce HTML.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types portal-highlight',
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

function sendPortalJson(response: ServerResponse, body: unknown, cacheControl: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader('cache-control', cacheControl);
  sendJson(response, 200, body);
}

function staticFile(file: string, contentType: string): RouteHandler {
  return async (_request, response) => {
    let body: Buffer;
    try {
      body = await readFile(join(PORTAL_DIRECTORY, file));
    } catch {
      sendError(response, 404, 'NOT_FOUND', `The portal's ${file} is not installed`);
      return;
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': body.length, 'cache-control': 'no-cache' });
    response.end(body);
  };
}

/**
 * The reference customer portal at `/portal`: static files with a strict CSP, the optional parts
 * of the graph the page may query (`/portal/features`) and, outside production and only where the
 * hub signs its own tokens, demo users with fresh tokens (`/portal/demo-users`). In production that
 * route does not exist (404) and the page asks for a token instead.
 */
export function portalRoutes(options: {
  config: HubConfig;
  logger: Logger;
  verifier: TokenVerifier;
  apollo: ApolloServer<GatewayContext>;
  supergraphSdl: string;
}): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const [path, { file, contentType }] of Object.entries(portalFiles())) routes[`GET ${path}`] = staticFile(file, contentType);
  const features = portalFeatures(options.supergraphSdl);
  routes['GET /portal/features'] = (_request, response) => sendPortalJson(response, features, 'no-cache');

  // With a JWKS the hub cannot sign tokens its verifier accepts, so there are no demo users either.
  const canSignDemoTokens = !options.config.isProduction && !options.config.HUB_JWKS_URL;
  if (canSignDemoTokens) {
    const demoUsers = createDemoUsers(options);
    routes['GET /portal/demo-users'] = async (_request, response, requestId) => {
      // Tokens in the body: never cached, by the browser or anything in between.
      sendPortalJson(response, { users: await demoUsers(requestId) }, 'no-store');
    };
  }
  return routes;
}
