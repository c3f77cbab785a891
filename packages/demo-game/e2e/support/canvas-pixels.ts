/**
 * Reads back what a WebGL canvas shows, to tell a drawn frame from a blank one. The page's
 * Babylon engine keeps its drawing buffer (`preserveDrawingBuffer`), so `toDataURL()` returns the
 * last frame; the browser decodes it and counts colours.
 */
import { type Page } from 'playwright-core';

/** What a frame contains. */
export interface CanvasPixelStats {
  readonly width: number;
  readonly height: number;
  /** Distinct colours, each channel quantised to 32 levels. */
  readonly distinctColors: number;
  /** The share of pixels (0 to 1) that differ clearly from the top-left pixel (the background). */
  readonly differingShare: number;
}

/** Counts the colours of the canvas matched by `selector`. */
export async function canvasPixelStats(page: Page, selector: string): Promise<CanvasPixelStats> {
  return page.evaluate(async (canvasSelector) => {
    const canvas = document.querySelector(canvasSelector);
    if (!(canvas instanceof HTMLCanvasElement)) throw new Error(`no canvas ${canvasSelector}`);
    const image = new Image();
    image.src = canvas.toDataURL('image/png');
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d');
    if (context === null) throw new Error('no 2D context to read the frame back');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const colors = new Set<number>();
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      colors.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 24) differing++;
    }
    return {
      width: copy.width,
      height: copy.height,
      distinctColors: colors.size,
      differingShare: differing / (data.length / 4),
    };
  }, selector);
}
