/**
 * The world view: a Babylon.js globe with the player, every data center (POP) coloured by its
 * ping band, the lobby hosts, and the route from the player to the region in use (through the
 * relay it enters by, then over the relay backbone), with a packet travelling along it.
 *
 * The globe only draws what it is told (`setPlayer`, `setPops`, `setRoute`...); it knows nothing of
 * the networking service. Labels for the player and the chosen POP are DOM elements over the
 * canvas, placed every frame where their points project.
 */
import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera.js';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight.js';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight.js';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color.js';
import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector.js';
import { CreateLineSystem } from '@babylonjs/core/Meshes/Builders/linesBuilder.js';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder.js';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder.js';
import { CreateTube } from '@babylonjs/core/Meshes/Builders/tubeBuilder.js';
import { type Mesh } from '@babylonjs/core/Meshes/mesh.js';
import '@babylonjs/core/Meshes/thinInstanceMesh.js';
import { type Scene } from '@babylonjs/core/scene.js';

import {
  cameraAnglesFacing,
  greatCircleArc,
  latLonToVec3,
  type LatLonDegrees,
  nearestEquivalentAngle,
  type Vec3,
} from './geo.js';
import { placeLabelInside } from './label-placement.js';

/** One POP as the globe shows it. */
export interface GlobePop extends LatLonDegrees {
  readonly code: string;
  /** CSS hex colour of its ping band. */
  readonly color: string;
}

/** The route to the region in use: the player to the entry relay, then the backbone to the POP. */
export interface GlobeRoute {
  readonly relay: LatLonDegrees;
  readonly destination: LatLonDegrees;
  /** True when the route enters the relay network at the destination itself. */
  readonly direct: boolean;
  /** CSS hex colour of the route's ping band. */
  readonly color: string;
  /** Label of the destination, e.g. `FRA · 12 ms`. */
  readonly label: string;
}

/** The mounted globe. */
export interface GlobeView {
  /** Where the player is (label text, e.g. `You · Frankfurt`); turns the globe to face it when it moved. */
  setPlayer(place: LatLonDegrees | undefined, label: string): void;
  /** Every POP with its band colour. */
  setPops(pops: readonly GlobePop[]): void;
  /** The lobby hosts' places (small white dots). */
  setLobbyHosts(places: readonly LatLonDegrees[]): void;
  /** Cities drawn as faint dots, so the continents show on the plain globe. */
  setCities(places: readonly LatLonDegrees[]): void;
  /** The route to the region in use, or none. */
  setRoute(route: GlobeRoute | undefined): void;
  /** A thin arc from the player to one lobby host (the hovered row), or none. */
  setHighlight(target: LatLonDegrees | undefined, color: string): void;
  /** Frames the globe for the canvas' current size (call after a resize). */
  fit(): void;
  dispose(): void;
}

const SURFACE = 1.003;
const BACKBONE_COLOR = '#a78bfa';
const PLAYER_COLOR = '#e0f2fe';

function color3(hex: string): Color3 {
  return Color3.FromHexString(hex);
}

function toVector(v: Vec3): Vector3 {
  return new Vector3(v.x, v.y, v.z);
}

function glowMaterial(scene: Scene, name: string, hex: string, alpha = 1): StandardMaterial {
  const material = new StandardMaterial(name, scene);
  material.disableLighting = true;
  material.emissiveColor = color3(hex);
  material.alpha = alpha;
  return material;
}

/** A ring lying on the globe at `place`, facing out. */
function orientOnSurface(mesh: Mesh, place: LatLonDegrees, radius: number): void {
  const normal = toVector(latLonToVec3(place));
  mesh.position = normal.scale(radius);
  mesh.rotationQuaternion ??= new Quaternion();
  Quaternion.FromUnitVectorsToRef(Vector3.Up(), normal, mesh.rotationQuaternion);
}

/**
 * Builds the globe in `scene` with an arc-rotate camera the player can drag, and DOM labels in
 * `labelLayer` (an element covering the canvas).
 */
export function createGlobe(scene: Scene, labelLayer: HTMLElement): GlobeView {
  const engine = scene.getEngine();
  scene.clearColor = new Color4(0.027, 0.043, 0.078, 1);

  const start = cameraAnglesFacing({ lat: 30, lon: 10 });
  const camera = new ArcRotateCamera('camera', start.alpha, start.beta, 3.2, Vector3.Zero(), scene);
  camera.lowerRadiusLimit = 1.6;
  camera.upperRadiusLimit = 6;
  camera.wheelPrecision = 60;
  camera.panningSensibility = 0;
  camera.minZ = 0.05;
  camera.attachControl(true);

  const sky = new HemisphericLight('sky', new Vector3(0.2, 1, -0.3), scene);
  sky.intensity = 0.55;
  sky.groundColor = new Color3(0.05, 0.07, 0.12);
  const sun = new DirectionalLight('sun', new Vector3(-0.6, -0.4, 0.7), scene);
  sun.intensity = 0.8;

  // The ocean sphere and a faint atmosphere shell seen from inside (a halo around the rim).
  const earth = CreateSphere('earth', { diameter: 2, segments: 48 }, scene);
  const earthMaterial = new StandardMaterial('earth', scene);
  earthMaterial.diffuseColor = new Color3(0.06, 0.13, 0.24);
  earthMaterial.specularColor = new Color3(0.12, 0.18, 0.28);
  earthMaterial.specularPower = 24;
  earthMaterial.emissiveColor = new Color3(0.02, 0.05, 0.1);
  earth.material = earthMaterial;
  const atmosphere = CreateSphere(
    'atmosphere',
    { diameter: 2.12, segments: 32, sideOrientation: 1 /* BACKSIDE */ },
    scene,
  );
  atmosphere.material = glowMaterial(scene, 'atmosphere', '#2563eb', 0.16);
  atmosphere.isPickable = false;

  // Meridians and parallels every 30° (15° near the equator reads as clutter at this size).
  const graticule: Vector3[][] = [];
  for (let lon = -180; lon < 180; lon += 30) {
    const line: Vector3[] = [];
    for (let lat = -90; lat <= 90; lat += 5) line.push(toVector(latLonToVec3({ lat, lon }, 1.001)));
    graticule.push(line);
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const line: Vector3[] = [];
    for (let lon = -180; lon <= 180; lon += 5)
      line.push(toVector(latLonToVec3({ lat, lon }, 1.001)));
    graticule.push(line);
  }
  const graticuleMesh = CreateLineSystem('graticule', { lines: graticule }, scene);
  graticuleMesh.color = new Color3(0.3, 0.48, 0.72);
  graticuleMesh.alpha = 0.22;
  graticuleMesh.isPickable = false;

  // Cities and lobby hosts: thin instances of one small dot each.
  const dots = (name: string, diameter: number, hex: string, alpha: number): Mesh => {
    const mesh = CreateSphere(name, { diameter, segments: 3 }, scene);
    mesh.material = glowMaterial(scene, name, hex, alpha);
    mesh.isPickable = false;
    mesh.thinInstanceSetBuffer('matrix', new Float32Array(16), 16);
    mesh.thinInstanceCount = 0;
    return mesh;
  };
  const placeDots = (mesh: Mesh, places: readonly LatLonDegrees[]): void => {
    const matrices = new Float32Array(Math.max(1, places.length) * 16);
    places.forEach((place, index) => {
      const p = latLonToVec3(place, SURFACE);
      Matrix.Translation(p.x, p.y, p.z).copyToArray(matrices, index * 16);
    });
    mesh.thinInstanceSetBuffer('matrix', matrices, 16);
    mesh.thinInstanceCount = places.length;
  };
  const cityDot = dots('city', 0.013, '#6aa5e8', 0.75);
  const hostDot = dots('lobby-host', 0.018, '#f8fafc', 0.9);

  // One glowing material per colour, shared by the route, rings and arcs.
  const materials = new Map<string, StandardMaterial>();
  const materialFor = (hex: string): StandardMaterial => {
    let material = materials.get(hex);
    if (material === undefined) {
      material = glowMaterial(scene, `pop-${hex}`, hex);
      materials.set(hex, material);
    }
    return material;
  };
  // POP markers: thin instances coloured per instance. With lighting off the shader outputs the
  // emissive colour times the instance colour: white emissive shows exactly the instance colour.
  const popDots = CreateSphere('pops', { diameter: 0.032, segments: 6 }, scene);
  const popMaterial = new StandardMaterial('pops', scene);
  popMaterial.disableLighting = true;
  popMaterial.emissiveColor = Color3.White();
  popDots.material = popMaterial;
  popDots.isPickable = false;
  popDots.thinInstanceSetBuffer('matrix', new Float32Array(16), 16);
  // The colour buffer exists from the start: the material's shader is chosen with it.
  popDots.thinInstanceSetBuffer('color', new Float32Array(4), 4);
  popDots.thinInstanceCount = 0;

  // The player: a bright dot and a pulsing ring.
  const player = CreateSphere('player', { diameter: 0.04, segments: 12 }, scene);
  player.material = glowMaterial(scene, 'player', PLAYER_COLOR);
  const playerRing = CreateTorus(
    'player-ring',
    { diameter: 0.09, thickness: 0.006, tessellation: 40 },
    scene,
  );
  playerRing.material = glowMaterial(scene, 'player-ring', '#38bdf8', 0.9);
  player.setEnabled(false);
  playerRing.setEnabled(false);

  // The chosen POP's ring.
  const targetRing = CreateTorus(
    'target-ring',
    { diameter: 0.075, thickness: 0.007, tessellation: 40 },
    scene,
  );
  targetRing.setEnabled(false);

  // Route tubes and the travelling packet.
  let routeMeshes: Mesh[] = [];
  let routePath: Vector3[] = [];
  const packet = CreateSphere('packet', { diameter: 0.026, segments: 8 }, scene);
  packet.material = glowMaterial(scene, 'packet', '#ffffff');
  packet.setEnabled(false);
  let highlightMesh: Mesh | undefined;

  // DOM labels over the canvas.
  const playerLabel = document.createElement('div');
  playerLabel.className = 'globe-label globe-label--player';
  const targetLabel = document.createElement('div');
  targetLabel.className = 'globe-label globe-label--target';
  labelLayer.append(playerLabel, targetLabel);
  let playerPlace: LatLonDegrees | undefined;
  let targetPlace: LatLonDegrees | undefined;

  // Camera turns towards the player when it moves, unless the user is dragging the globe.
  let focus: { alpha: number; beta: number } | undefined;
  const canvas = engine.getRenderingCanvas();
  const stopFocus = (): void => {
    focus = undefined;
  };
  canvas?.addEventListener('pointerdown', stopFocus);
  canvas?.addEventListener('wheel', stopFocus, { passive: true });

  let time = 0;
  const projection = new Vector3();
  /** How far above its point a label sits, in CSS pixels. */
  const LABEL_LIFT_PX = 30;
  const placeLabel = (label: HTMLElement, place: LatLonDegrees | undefined, lift: number): void => {
    if (place === undefined) {
      label.hidden = true;
      return;
    }
    const point = toVector(latLonToVec3(place, 1 + lift));
    const towardsCamera = Vector3.Dot(point.normalizeToNew(), camera.position.normalizeToNew());
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    Vector3.ProjectToRef(
      point,
      Matrix.IdentityReadOnly,
      scene.getTransformMatrix(),
      camera.viewport.toGlobal(width, height),
      projection,
    );
    label.hidden = towardsCamera < 0.2;
    const layer = { width: labelLayer.clientWidth, height: labelLayer.clientHeight };
    // The label sits above its point (its CSS margin); kept whole inside the layer, which clips.
    const { x, y } = placeLabelInside(
      {
        x: (projection.x / width) * layer.width,
        y: (projection.y / height) * layer.height - LABEL_LIFT_PX,
      },
      { width: label.offsetWidth, height: label.offsetHeight },
      layer,
    );
    label.style.transform = `translate(${x}px, ${y}px)`;
  };

  const frame = scene.onBeforeRenderObservable.add(() => {
    const dt = Math.min(0.1, engine.getDeltaTime() / 1000);
    time += dt;
    if (focus !== undefined) {
      const k = 1 - Math.exp(-dt * 3);
      camera.alpha += (focus.alpha - camera.alpha) * k;
      camera.beta += (focus.beta - camera.beta) * k;
      if (Math.abs(focus.alpha - camera.alpha) + Math.abs(focus.beta - camera.beta) < 1e-3) {
        focus = undefined;
      }
    }
    // The lights follow the camera, so the globe is always lit from the viewer's upper left.
    const eye = camera.position.normalizeToNew();
    const up = camera.getDirection(Vector3.Up());
    const right = camera.getDirection(Vector3.Right());
    sky.direction.copyFrom(eye.add(up.scale(0.8)));
    sun.direction.copyFrom(eye.add(up.scale(0.7)).subtract(right.scale(0.7)).scale(-1));
    const pulse = 1 + 0.25 * Math.sin(time * 3);
    playerRing.scaling.setAll(pulse);
    targetRing.scaling.setAll(1 + 0.2 * Math.sin(time * 3 + 1.5));
    if (routePath.length > 1) {
      const t = (time * 0.45) % 1;
      const index = Math.min(routePath.length - 1, Math.floor(t * (routePath.length - 1)));
      packet.position.copyFrom(routePath[index]!);
    }
    placeLabel(playerLabel, playerPlace, 0.06);
    placeLabel(targetLabel, targetPlace, 0.06);
  });

  const fit = (): void => {
    const aspect = engine.getRenderWidth() / Math.max(1, engine.getRenderHeight());
    // Keep the globe (radius 1, plus its halo) inside the smaller side of the canvas.
    camera.radius = 1.28 / (Math.tan(camera.fov / 2) * Math.min(1, aspect));
  };
  fit();

  const clearRoute = (): void => {
    // Materials are shared (one per colour): dispose the meshes only.
    for (const mesh of routeMeshes) mesh.dispose(false, false);
    routeMeshes = [];
    routePath = [];
    packet.setEnabled(false);
  };

  let lastPlayerKey = '';
  return {
    setPlayer(place, label) {
      playerPlace = place;
      playerLabel.textContent = label;
      player.setEnabled(place !== undefined);
      playerRing.setEnabled(place !== undefined);
      if (place === undefined) return;
      orientOnSurface(player, place, SURFACE);
      orientOnSurface(playerRing, place, SURFACE);
      const key = `${place.lat},${place.lon}`;
      if (key !== lastPlayerKey) {
        lastPlayerKey = key;
        // Face the player, seen a little from the equator side so the route north/south shows.
        const angles = cameraAnglesFacing({ lat: place.lat * 0.8, lon: place.lon });
        focus = { alpha: nearestEquivalentAngle(camera.alpha, angles.alpha), beta: angles.beta };
      }
    },
    setPops(pops) {
      // One draw call for every POP: thin instances, each with its own colour.
      const matrices = new Float32Array(Math.max(1, pops.length) * 16);
      const colors = new Float32Array(Math.max(1, pops.length) * 4);
      pops.forEach((pop, index) => {
        const p = latLonToVec3(pop, SURFACE);
        Matrix.Translation(p.x, p.y, p.z).copyToArray(matrices, index * 16);
        const color = color3(pop.color);
        colors.set([color.r, color.g, color.b, 1], index * 4);
      });
      popDots.thinInstanceSetBuffer('matrix', matrices, 16);
      popDots.thinInstanceSetBuffer('color', colors, 4);
      popDots.thinInstanceCount = pops.length;
    },
    setLobbyHosts(places) {
      placeDots(hostDot, places);
    },
    setCities(places) {
      placeDots(cityDot, places);
    },
    setRoute(route) {
      clearRoute();
      targetPlace = route?.destination;
      targetRing.setEnabled(route !== undefined);
      if (route === undefined || playerPlace === undefined) {
        targetLabel.hidden = true;
        return;
      }
      targetLabel.textContent = route.label;
      targetRing.material = materialFor(route.color);
      orientOnSurface(targetRing, route.destination, SURFACE);
      const access = greatCircleArc(playerPlace, route.relay, {
        radius: SURFACE,
        segments: 48,
      }).map(toVector);
      routeMeshes.push(
        CreateTube('route-access', { path: access, radius: 0.006, tessellation: 8 }, scene),
      );
      routeMeshes[0]!.material = materialFor(route.color);
      routePath = access;
      if (!route.direct) {
        const backbone = greatCircleArc(route.relay, route.destination, {
          radius: SURFACE,
          segments: 48,
        }).map(toVector);
        const tube = CreateTube(
          'route-backbone',
          { path: backbone, radius: 0.005, tessellation: 8 },
          scene,
        );
        tube.material = materialFor(BACKBONE_COLOR);
        routeMeshes.push(tube);
        routePath = [...access, ...backbone.slice(1)];
      }
      for (const mesh of routeMeshes) mesh.isPickable = false;
      packet.setEnabled(true);
    },
    setHighlight(target, color) {
      highlightMesh?.dispose(false, false);
      highlightMesh = undefined;
      if (target === undefined || playerPlace === undefined) return;
      const path = greatCircleArc(playerPlace, target, { radius: SURFACE, segments: 48 }).map(
        toVector,
      );
      highlightMesh = CreateTube('lobby-route', { path, radius: 0.0035, tessellation: 6 }, scene);
      highlightMesh.material = materialFor(color);
      highlightMesh.isPickable = false;
    },
    fit,
    dispose() {
      scene.onBeforeRenderObservable.remove(frame);
      canvas?.removeEventListener('pointerdown', stopFocus);
      canvas?.removeEventListener('wheel', stopFocus);
      playerLabel.remove();
      targetLabel.remove();
      camera.detachControl();
    },
  };
}
