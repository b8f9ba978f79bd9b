/**
 * Scenario 7, the client in headless Chromium: our canvas (the app's GraphCanvas, stylesheet,
 * element transform and layouts, bundled by Vite) against a bare Cytoscape page showing the same
 * elements at the same positions — time to the first frame and frame time during a scripted
 * pan/zoom, with Cytoscape's canvas and WebGL renderers; the draft layout of 1,000 nodes; long
 * tasks while an expansion of 100 nodes is placed. Chromium renders in software here (no GPU).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { toElements } from '../../client/src/graph/elements.ts';
import { layoutOptions } from '../../client/src/graph/layouts.ts';
import { countLabels, labelStyles } from '../../client/src/graph/palette.ts';
import { LOCAL_ROOT, REPO_ROOT } from '../../server/neo4j/constants.ts';
import { median, percentile } from '../report.ts';
import { expansion, scene } from './scene.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];
const PAGE_DIR = path.join(REPO_ROOT, 'bench', 'scale', 'client');
const OUT_DIR = path.join(LOCAL_ROOT, 'bench', 'client');
const CYTOSCAPE_DIST = path.join(REPO_ROOT, 'node_modules', 'cytoscape', 'dist');
const VIEWPORT = { width: 1280, height: 800 };

export const CLIENT_SIZES = [1_000, 5_000, 10_000] as const;

export interface FrameStats {
  firstRenderMs: number;
  /** Median time between frames while panning and zooming. */
  frameMs: number;
  p95FrameMs: number;
  fps: number;
  frames: number;
  /**
   * Cytoscape redraws (`render` events) per second over the same run: a frame interval alone
   * counts frames in which nothing was redrawn. Absent from results recorded before it was.
   */
  rendersPerSecond?: number;
}

export interface ClientPoint {
  elements: number;
  nodes: number;
  edges: number;
  renderer: 'canvas' | 'webgl';
  ours: FrameStats;
  bare: FrameStats;
  /** ours / bare. */
  frameRatio: number;
  firstRenderRatio: number;
}

export interface ExpandResult {
  sceneElements: number;
  added: number;
  drawnMs: number;
  longestTaskMs: number;
  longTasks: number;
}

export interface ClientResult {
  points: ClientPoint[];
  layout: { nodes: number; edges: number; draftMs: number; defaultMs: number };
  /** Expanding a node by 100 neighbours, in a small scene and in a scene of 1,000 elements. */
  expand: ExpandResult[];
  chromium: string;
}

/** Builds the page for our canvas with Vite, from the app's own modules. */
export async function buildOurPage(): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      // One page bundling React, Cytoscape and fcose: large, and fine for a benchmark.
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: path.join(PAGE_DIR, 'ours.html') },
    },
  });
}

const FILES: Record<string, { file: string; type: string }> = {
  '/bare.html': { file: path.join(PAGE_DIR, 'bare.html'), type: 'text/html' },
  '/cytoscape.min.js': {
    file: path.join(CYTOSCAPE_DIST, 'cytoscape.min.js'),
    type: 'text/javascript',
  },
};

/** Serves the built page, the bare page and Cytoscape's browser build on a free port. */
async function servePages(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    const known = FILES[url];
    const file =
      known?.file ?? path.join(OUT_DIR, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(OUT_DIR) && !known) {
      res.writeHead(404).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        res.writeHead(404).end();
        return;
      }
      const type =
        known?.type ??
        (file.endsWith('.js')
          ? 'text/javascript'
          : file.endsWith('.css')
            ? 'text/css'
            : 'text/html');
      res.writeHead(200, { 'content-type': type }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/*
 * Page-side code is kept as plain JavaScript text: functions handed to page.evaluate are
 * serialised, and the TypeScript loader would add helpers to them that the page lacks.
 */

/**
 * In the page: zoom in, pan, zoom out, pan back; resolves with the time between frames and the
 * number of Cytoscape redraws (its \`render\` event) during them.
 */
const PAN_ZOOM = `async ({ steps, budgetMs }) => {
  const cy = window.benchCy;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  await frame();
  const deltas = [];
  let renders = 0;
  const counted = () => { renders += 1; };
  let last = await frame();
  cy.on('render', counted);
  const start = last;
  const quarter = Math.max(1, Math.floor(steps / 4));
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  for (let i = 0; i < steps && last - start < budgetMs; i += 1) {
    const phase = Math.floor(i / quarter) % 4;
    if (phase === 0) cy.zoom({ level: cy.zoom() * 1.08, renderedPosition: centre });
    else if (phase === 1) cy.panBy({ x: 14, y: 8 });
    else if (phase === 2) cy.zoom({ level: cy.zoom() / 1.08, renderedPosition: centre });
    else cy.panBy({ x: -14, y: -8 });
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  cy.removeListener('render', counted);
  return { deltas, renders };
}`;

/** In the bare page: plain Cytoscape, default style, the same elements and layout options. */
const MOUNT_BARE = `async ({ elements, layout, webgl }) => {
  const started = performance.now();
  const cy = window.cytoscape({ container: document.getElementById('cy'), elements, layout, webgl });
  window.benchCy = cy;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
}`;

const SET_RENDERER = '({ webgl }) => { window.benchRenderer = { webgl }; }';
const MOUNT_OURS = '(data) => window.bench.mount(data)';
const OUR_LAYOUT = '(quality) => window.bench.layout(quality)';
const OUR_EXPAND = '({ extra, anchor }) => window.bench.expand(extra, anchor)';
const WATCH_LONG_TASKS = `() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}`;

/** Calls page-side source text with one JSON argument. */
function call<T>(page: Page, source: string, arg: unknown): Promise<T> {
  return page.evaluate(`(${source})(${JSON.stringify(arg)})`) as Promise<T>;
}

interface PanZoom {
  deltas: number[];
  renders: number;
}

function frameStats(firstRenderMs: number, { deltas, renders }: PanZoom): FrameStats {
  const frameMs = median(deltas);
  const elapsedMs = deltas.reduce((sum, d) => sum + d, 0);
  return {
    firstRenderMs,
    frameMs,
    p95FrameMs: percentile(deltas, 95),
    fps: 1000 / frameMs,
    frames: deltas.length,
    rendersPerSecond: elapsedMs > 0 ? (renders * 1000) / elapsedMs : 0,
  };
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(url);
  return page;
}

export interface ClientOptions {
  sizes?: readonly number[];
  steps: number;
  /** Longest time one pan/zoom measurement may take. */
  budgetMs: number;
  renderers?: readonly ('canvas' | 'webgl')[];
  progress?: (line: string) => void;
}

export async function benchClient(options: ClientOptions): Promise<ClientResult> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  const progress = options.progress ?? (() => {});
  await buildOurPage();
  const pages = await servePages();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const points: ClientPoint[] = [];
    for (const elements of options.sizes ?? CLIENT_SIZES) {
      const data = scene(elements);
      const styles = labelStyles(data.nodes.flatMap((n) => n.labels));
      const definitions = toElements(
        data.nodes,
        data.relationships,
        styles,
        countLabels(data.nodes),
      );
      for (const renderer of options.renderers ?? (['canvas', 'webgl'] as const)) {
        const webgl = renderer === 'webgl';
        const frames = { steps: options.steps, budgetMs: options.budgetMs };
        const ours = await freshPage(browser, `${pages.url}/ours.html`);
        await call(ours, SET_RENDERER, { webgl });
        const oursFirst = await call<number>(ours, MOUNT_OURS, data);
        const oursFrames = await call<PanZoom>(ours, PAN_ZOOM, frames);
        await ours.close();
        const bare = await freshPage(browser, `${pages.url}/bare.html`);
        const bareFirst = await call<number>(bare, MOUNT_BARE, {
          elements: definitions,
          layout: layoutOptions('grid', true),
          webgl,
        });
        const bareFrames = await call<PanZoom>(bare, PAN_ZOOM, frames);
        await bare.close();
        const point: ClientPoint = {
          elements: data.nodes.length + data.relationships.length,
          nodes: data.nodes.length,
          edges: data.relationships.length,
          renderer,
          ours: frameStats(oursFirst, oursFrames),
          bare: frameStats(bareFirst, bareFrames),
          frameRatio: median(oursFrames.deltas) / median(bareFrames.deltas),
          firstRenderRatio: oursFirst / bareFirst,
        };
        points.push(point);
        progress(
          `  ${point.elements} elements, ${renderer}: ours ${point.ours.fps.toFixed(1)} fps, bare ${point.bare.fps.toFixed(1)} fps (ratio ${point.frameRatio.toFixed(2)})`,
        );
      }
    }
    const layout = await measureLayout(browser, pages.url);
    const expand = [
      await measureExpand(browser, pages.url, EXPAND_SCENES[0]),
      await measureExpand(browser, pages.url, EXPAND_SCENES[1]),
    ];
    return { points, layout, expand, chromium: browser.version() };
  } finally {
    await browser.close();
    await pages.close();
  }
}

async function measureLayout(browser: Browser, url: string): Promise<ClientResult['layout']> {
  const data = scene(Infinity, 'client', 1_000);
  const page = await freshPage(browser, `${url}/ours.html`);
  await call(page, MOUNT_OURS, data);
  const draftMs = await call<number>(page, OUR_LAYOUT, 'draft');
  const defaultMs = await call<number>(page, OUR_LAYOUT, 'default');
  await page.close();
  return { nodes: data.nodes.length, edges: data.relationships.length, draftMs, defaultMs };
}

/** Scene sizes the expansion is measured in: a few expansions deep, and a crowded canvas. */
export const EXPAND_SCENES = [150, 1_000] as const;
/** Time a fresh scene gets to finish its deferred drawing before long tasks are counted. */
const SETTLE_MS = 1_500;

async function measureExpand(
  browser: Browser,
  url: string,
  elements: number,
): Promise<ExpandResult> {
  const data = scene(elements);
  const anchor = data.nodes[0]?.id ?? '';
  const extra = expansion(anchor, 100);
  const page = await freshPage(browser, `${url}/ours.html`);
  await call(page, MOUNT_OURS, data);
  await page.waitForTimeout(SETTLE_MS);
  await call(page, WATCH_LONG_TASKS, null);
  const drawnMs = await call<number>(page, OUR_EXPAND, { extra, anchor });
  await page.waitForTimeout(500);
  const tasks = await call<number[]>(page, '() => window.longTasks', null);
  await page.close();
  return {
    sceneElements: data.nodes.length + data.relationships.length,
    added: extra.nodes.length,
    drawnMs,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
    longTasks: tasks.filter((t) => t > 50).length,
  };
}
