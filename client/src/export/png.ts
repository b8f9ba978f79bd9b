/**
 * The canvas as a PNG: the whole scene (not only what is in view) with a white margin, so no
 * caption touches the edge, and the legend of label colours drawn beside it.
 */
import type { Core } from 'cytoscape';
import { LEGEND_LAYOUT, legendHeight, legendText, legendWidth, type LegendRow } from './legend.ts';

/** Pixels per model pixel of the exported image. */
export const PNG_SCALE = 2;
/** White space around the scene, in model pixels. */
export const PNG_MARGIN = 24;

function drawLegend(
  context: CanvasRenderingContext2D,
  rows: readonly LegendRow[],
  left: number,
  top: number,
  width: number,
): void {
  const { padding, rowHeight, swatch, fontSize, title } = LEGEND_LAYOUT;
  context.fillStyle = '#f8fafc';
  context.strokeStyle = '#d1d5db';
  context.lineWidth = 1;
  context.fillRect(left, top, width, legendHeight(rows));
  context.strokeRect(left + 0.5, top + 0.5, width - 1, legendHeight(rows) - 1);
  context.textBaseline = 'middle';
  context.fillStyle = '#1f2937';
  context.font = `600 ${fontSize}px system-ui, sans-serif`;
  context.fillText(title, left + padding, top + padding + rowHeight / 2);
  context.font = `${fontSize}px system-ui, sans-serif`;
  rows.forEach((row, i) => {
    const middle = top + padding + rowHeight * (i + 1.5);
    context.fillStyle = row.color;
    context.fillRect(left + padding, middle - swatch / 2, swatch, swatch);
    context.fillStyle = '#1f2937';
    context.fillText(legendText(row), left + padding + swatch + 8, middle);
  });
}

/** The scene and its legend as a PNG blob. */
export async function scenePng(cy: Core, rows: readonly LegendRow[]): Promise<Blob> {
  const scene = await cy.png({
    output: 'blob-promise',
    full: true,
    scale: PNG_SCALE,
    bg: '#ffffff',
  });
  const image = await createImageBitmap(scene);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the PNG export needs a 2D canvas');
  context.font = `${LEGEND_LAYOUT.fontSize}px system-ui, sans-serif`;
  const legend = {
    width: legendWidth(rows, (text) => context.measureText(text).width),
    height: legendHeight(rows),
  };
  const margin = PNG_MARGIN * PNG_SCALE;
  const sceneWidth = image.width + 2 * margin;
  canvas.width = sceneWidth + (rows.length > 0 ? legend.width * PNG_SCALE + margin : 0);
  canvas.height = Math.max(image.height, legend.height * PNG_SCALE) + 2 * margin;
  // Setting the size resets the context.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, margin, margin);
  image.close();
  if (rows.length > 0) {
    context.save();
    context.translate(sceneWidth, margin);
    context.scale(PNG_SCALE, PNG_SCALE);
    drawLegend(context, rows, 0, 0, legend.width);
    context.restore();
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
      'image/png',
    );
  });
}
