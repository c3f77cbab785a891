/**
 * Where a DOM label over the globe goes: at the projected point, moved back inside the label layer
 * when it would stick out of it, so no label is cut at the panel's edge (the layer clips). The
 * label's box starts at the point and extends right and down; a label wider or taller than the
 * layer keeps its left or top edge in view.
 */
export interface LabelBox {
  readonly width: number;
  readonly height: number;
}

/** The label's top-left corner, in the layer's CSS pixels. */
export function placeLabelInside(
  point: { readonly x: number; readonly y: number },
  label: LabelBox,
  layer: LabelBox,
): { x: number; y: number } {
  const x = Math.max(0, Math.min(point.x, layer.width - label.width));
  const y = Math.max(0, Math.min(point.y, layer.height - label.height));
  return { x, y };
}
