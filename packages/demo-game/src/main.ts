/**
 * The demo's entry point: builds the simulated world and its lobbies, the Relaylane engine with
 * the Networking Utils plugin and the demo plugin, the Babylon.js scene that ticks the engine on
 * every frame, the panels, and the dev console overlay (backtick).
 *
 * Address options: `?seed=<integer>&location=<city or lat,lon>`, and `?beacons=<network-config
 * URL>` for pings the browser really measures to beacons (the lobbies stay simulated hosts that
 * publish Steam-format ping locations; the player's side is then real).
 */
import './styles.css';

import { Engine as BabylonEngine } from '@babylonjs/core/Engines/engine.js';
import { Scene } from '@babylonjs/core/scene.js';
import { attachToAnimationFrame, DevConsolePlugin, Engine, reportError } from '@relaylane/core';
import { attachToBabylonScene } from '@relaylane/core/babylon';
import { mountConsoleOverlay } from '@relaylane/core/console-overlay';
import {
  NETWORKING_PING_UNKNOWN,
  NetConsolePlugin,
  NetworkingUtilsPlugin,
  simulatedBackend,
} from '@relaylane/steam-net-utils';
import { beaconsBackend } from '@relaylane/steam-net-utils/beacons';
import { CITY_CATALOGUE, SimulatedWorld } from '@relaylane/steam-net-utils/simulated';

import { DemoError } from './demo-error.js';
import { type DemoSnapshot, DemoPlugin } from './demo-plugin.js';
import { createSimulatedLobbies, type SimulatedLobby } from './lobbies.js';
import { readDemoOptions } from './options.js';
import { createGlobe, type GlobeView } from './scene/globe.js';
import { GlobePresenter } from './scene/globe-presenter.js';
import { createLobbyBrowser } from './ui/lobby-browser.js';
import { BAND_COLORS, BAND_LABELS, BANDS, bandOf } from './ui/ping-style.js';
import { createRegionPicker } from './ui/region-picker.js';
import { createStatusPanel } from './ui/status-panel.js';
import { createTopBar } from './ui/top-bar.js';
import { h } from './ui/dom.js';

function requireElement<T extends HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (element === null) {
    throw new DemoError(
      'DEMO_PAGE_INCOMPLETE',
      `index.html has no ${selector} element; the demo mounts its panels there. Restore it from the repository.`,
    );
  }
  return element;
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    ...BANDS.map((band) =>
      h(
        'li',
        {},
        h('span', { class: 'legend__swatch', attrs: { style: `background:${BAND_COLORS[band]}` } }),
        BAND_LABELS[band],
      ),
    ),
    h('li', {}, h('span', { class: 'legend__swatch legend__swatch--player' }), 'You'),
    h('li', {}, h('span', { class: 'legend__swatch legend__swatch--host' }), 'Lobby host'),
    h('li', {}, h('span', { class: 'legend__line legend__line--backbone' }), 'Relay backbone'),
  );
}

function boot(): void {
  const options = readDemoOptions(window.location.search);

  // One simulated world for the player and every lobby host, so estimates are consistent.
  const world = new SimulatedWorld({ seed: options.seed });
  const lobbies = createSimulatedLobbies(world, options.seed);

  const engine = new Engine();
  const devConsole = new DevConsolePlugin();
  engine.addPlugin(devConsole);
  engine.addPlugin(
    new NetworkingUtilsPlugin({
      backend:
        options.beaconsConfigUrl === undefined
          ? simulatedBackend({ world, location: options.location, seed: options.seed })
          : beaconsBackend({ networkConfigUrl: options.beaconsConfigUrl }),
    }),
  );
  engine.addPlugin(new NetConsolePlugin());
  const demo = new DemoPlugin({ lobbies });
  engine.addPlugin(demo);

  const overlay = mountConsoleOverlay({ registry: devConsole.registry });
  overlay.print([
    'Relaylane dev console: the same commands as the terminal REPL.',
    options.beaconsConfigUrl === undefined
      ? 'Try: net.status · net.pops · net.sim.where Sydney · net.sim.offline on · help net'
      : `Pinging the beacons of ${options.beaconsConfigUrl}. Try: net.status · net.pops · net.beacons · help net`,
    ...options.warnings.map((warning) => `warning: ${warning}`),
  ]);

  const report = (error: unknown): void => {
    overlay.print(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (!overlay.isOpen) overlay.open();
  };

  const topBar = createTopBar({
    travel: (city) => {
      try {
        demo.travel(city);
      } catch (error) {
        report(error);
      }
    },
    toggleConsole: () => overlay.toggle(),
  });
  const stage = requireElement<HTMLElement>('.stage');
  const canvas = requireElement<HTMLCanvasElement>('#globe-canvas');
  const labels = requireElement<HTMLElement>('.globe-labels');
  stage.append(legend());

  let globe: GlobeView | undefined;
  // The hovered lobby's arc is drawn again when its ping or the player's place changes.
  let hovered: SimulatedLobby | undefined;
  let highlightKey = '';
  const drawHighlight = (snapshot: DemoSnapshot | undefined): void => {
    const ping = hovered && snapshot?.lobbies.find((entry) => entry.lobby === hovered)?.ping;
    const player = snapshot?.player;
    const key = hovered === undefined ? '' : `${hovered.id}|${ping}|${player?.lat},${player?.lon}`;
    if (key === highlightKey) return;
    highlightKey = key;
    globe?.setHighlight(hovered, BAND_COLORS[bandOf(ping ?? NETWORKING_PING_UNKNOWN)]);
  };
  const lobbyBrowser = createLobbyBrowser({
    onHover: (lobby) => {
      hovered = lobby;
      drawHighlight(demo.snapshot);
    },
  });
  const regionPicker = createRegionPicker({
    pin: (code) => {
      try {
        demo.pin(code);
      } catch (error) {
        report(error);
      }
    },
    unpin: () => demo.unpin(),
  });
  const statusPanel = createStatusPanel();

  requireElement('.top-bar-slot').replaceWith(topBar.element);
  requireElement('.lobbies-slot').replaceWith(lobbyBrowser.element);
  requireElement('.side-slot').replaceWith(
    h('aside', { class: 'side' }, regionPicker.element, statusPanel.element),
  );

  let presenter: GlobePresenter | undefined;
  demo.updated.connect((snapshot) => {
    topBar.update(snapshot);
    lobbyBrowser.update(snapshot);
    regionPicker.update(snapshot);
    statusPanel.update(snapshot);
    presenter?.draw(snapshot);
    drawHighlight(snapshot);
  });

  // The 3D view. Without WebGL the panels still work: the engine is then ticked by the
  // animation-frame loop instead of Babylon's render loop.
  try {
    const babylon = new BabylonEngine(canvas, true, {
      preserveDrawingBuffer: true,
      stencil: false,
      antialias: true,
    });
    const scene = new Scene(babylon);
    globe = createGlobe(scene, labels);
    globe.setCities(CITY_CATALOGUE);
    globe.setLobbyHosts(lobbies);
    presenter = new GlobePresenter(globe);
    attachToBabylonScene(engine, scene);
    const resize = (): void => {
      babylon.resize();
      globe?.fit();
    };
    new ResizeObserver(resize).observe(stage);
    babylon.runRenderLoop(() => scene.render());
    stage.dataset['renderer'] = 'webgl';
  } catch (error) {
    reportError(error, 'demo 3D view');
    stage.dataset['renderer'] = 'none';
    stage.append(
      h('p', {
        class: 'stage__fallback',
        text: `The 3D view could not start (${error instanceof Error ? error.message : String(error)}). The lobbies, region picker and status still work.`,
      }),
    );
    attachToAnimationFrame(engine);
  }
}

boot();
