/**
 * Starts what an end-to-end test (or the demo) needs: a local HTTPS server standing in for
 * www.binance.com, and Debian's Chromium with the built extension loaded and that host mapped to the server.
 * The recipe (flags, service-worker lookup) is the one checked by hand in ../shared/TOOLCHAIN.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';

import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import selfsigned from 'selfsigned';
import { WebSocketServer, type WebSocket } from 'ws';

import { exchangeHosts } from '@/lib/exchanges/hosts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** Every host the adapters' pages and public data come from; the first is the page the tests open. */
export const EXCHANGE_HOSTS = exchangeHosts();

export interface Served {
  /** Body to send (or made from the request's URL), and its content type (HTML unless said otherwise). */
  body: string | ((url: URL) => string);
  type?: string;
}

export type Routes = Record<string, string | Served>;

export interface LocalExchange {
  server: Server;
  port: number;
  /** Replace or add what a path serves, while the server runs. */
  routes: Routes;
  close(): Promise<void>;
}

/** An HTTPS server answering for the exchange's hosts, with a throwaway self-signed certificate. */
export async function startLocalExchange(routes: Routes): Promise<LocalExchange> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: EXCHANGE_HOSTS[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: EXCHANGE_HOSTS.map((value) => ({ type: 2, value })) }],
  });
  const server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
    const route = routes[url.pathname];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const served = typeof route === 'string' ? { body: route } : route;
    const body = typeof served.body === 'function' ? served.body(url) : served.body;
    response.writeHead(200, { 'content-type': served.type ?? 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    routes,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * An HTTP proxy that tunnels the exchange's hosts (port 443) to the local server on `port` and refuses anything
 * else: for a browser that can resolve a host to this machine but not send it to another port (Firefox).
 */
export async function startExchangeProxy(port: number): Promise<{ port: number; close(): Promise<void> }> {
  const proxy = createHttpServer((_, response) => response.writeHead(405).end());
  // Tunnels leave the server's hands once established: closed here with it.
  const tunnels = new Set<{ destroy(): void }>();
  proxy.on('connect', (request, client: Duplex, head: Buffer) => {
    const [host, target] = (request.url ?? '').split(':');
    if (!EXCHANGE_HOSTS.includes(host ?? '') || target !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(tunnel);
    };
    const tunnel = { destroy: end };
    tunnels.add(tunnel);
    upstream.on('error', end).on('close', end);
    client.on('error', end).on('close', end);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        for (const tunnel of tunnels) tunnel.destroy();
        proxy.closeAllConnections();
        proxy.close(() => done());
      }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  page: Page;
  /** The browser's profile directory (on its command line: how the bench tells two browsers' processes apart). */
  profile: string;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium's flags: exchange hosts mapped to the local server on `port`; the extensions in `extensionDirs` loaded. */
function chromiumArgs(port: number, headless: boolean, extensionDirs: string[]): string[] {
  const hostRules = EXCHANGE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${port}`).join(', ');
  const extensions = extensionDirs.join(',');
  return [
    ...(headless ? ['--headless=new'] : []),
    ...(extensionDirs.length > 0 ? [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`] : []),
    `--host-resolver-rules=${hostRules}`,
    // The worker's WebSocket ignores ignoreHTTPSErrors; test browsers only.
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

async function launch(port: number, headless: boolean, extensionDirs: string[]) {
  const profile = await mkdtemp(join(tmpdir(), 'liqguard-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 900 },
    args: chromiumArgs(port, headless, extensionDirs),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, page, profile, close };
}

/**
 * Chromium with the built extension (and any `alongside` it, such as a foreign extension for a test); every
 * exchange host resolves to the local server on `port`.
 */
export async function launchWithExtension(
  port: number,
  options: { headless?: boolean; alongside?: string[] } = {},
): Promise<ExtensionBrowser> {
  const { context, page, profile, close } = await launch(port, options.headless ?? true, [EXTENSION_DIR, ...(options.alongside ?? [])]);
  const isOurs = async (worker: Worker) => (await worker.evaluate(() => chrome.runtime.getManifest().name)) === 'LiqGuard';
  let serviceWorker: Worker | undefined;
  while (!serviceWorker) {
    for (const worker of context.serviceWorkers()) if (await isOurs(worker)) serviceWorker = worker;
    if (!serviceWorker) await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => undefined);
  }
  return { context, page, profile, serviceWorker, extensionId: new URL(serviceWorker.url()).host, close };
}

/** The same browser without the extension, to measure what the extension costs the page. */
export async function launchWithoutExtension(port: number): Promise<Pick<ExtensionBrowser, 'context' | 'page' | 'profile' | 'close'>> {
  return launch(port, true, []);
}

export const exchangeUrl = (path: string) => `https://${EXCHANGE_HOSTS[0]}${path}`;

/** The overlay lives in an open shadow root under the page's body; Playwright's CSS engine pierces it. */
export const overlay = (page: Page) => page.locator('liqguard-overlay [data-testid="liqguard-overlay"]');

/**
 * Runs `expression` in the content script's isolated world, as our own content script would (TOOLCHAIN.md:
 * the only way to tell it things the page's own world cannot, such as a hidden tab).
 */
export async function inContentScript(browser: ExtensionBrowser, expression: string): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(browser.page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  if (!isolated) throw new Error('no content script world in this page');
  const result = await cdp.send('Runtime.evaluate', { contextId: isolated.id, expression, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  return result.result.value;
}

/** Headless tabs are always visible: make the content script see its page hidden (or visible again). */
export function setPageHidden(browser: ExtensionBrowser, hidden: boolean) {
  return inContentScript(
    browser,
    `Object.defineProperty(document, 'visibilityState', { get: () => '${hidden ? 'hidden' : 'visible'}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'));`,
  );
}

/** A socket the extension opened to the local exchange: the host and path it asked for, what it sent, and the socket. */
export interface StreamConnection {
  url: string;
  received: string[];
  socket: WebSocket;
}

/** Accepts the extension's WebSockets on the local exchange's server (as the exchange's stream host), keeping each. */
export function acceptStreams(exchange: Pick<LocalExchange, 'server'>): { connections: StreamConnection[]; close(): void } {
  const connections: StreamConnection[] = [];
  const sockets = new WebSocketServer({ server: exchange.server });
  sockets.on('connection', (socket, request) => {
    const connection: StreamConnection = { url: `${request.headers.host}${request.url}`, received: [], socket };
    socket.on('message', (data) => connection.received.push(String(data)));
    connections.push(connection);
  });
  return { connections, close: () => sockets.close() };
}

/** The extension in Chromium on the exchange's page at `url`, served with `routes`; its streams accepted, the overlay drawn. */
export async function openOnExchange(url: string, routes: Routes) {
  const exchange = await startLocalExchange(routes);
  const streams = acceptStreams(exchange);
  const browser = await launchWithExtension(exchange.port);
  await browser.page.goto(url);
  await overlay(browser.page).waitFor();
  return {
    exchange,
    browser,
    streams,
    close: async () => {
      await browser.close();
      streams.close();
      await exchange.close();
    },
  };
}
