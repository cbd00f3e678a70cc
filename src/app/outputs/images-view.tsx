/** An image grid (d2l.showImages): each image drawn from its pixels into a canvas, with its title. */
import { useEffect, useRef } from 'react';
import type { OutputImage as CellImage, ImagesOutput } from '../../kernel/protocol';
import { useMessages } from '../i18n/messages';

/** Largest side an image is shown at, whatever its scale (a 4096-pixel image at scale 64 is not drawn 262,144 px wide). */
const MAX_SHOWN_PX = 1024;

function ImageCanvas({ image, scale }: { image: CellImage; scale: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height } = image;
  const m = useMessages();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width === 0 || height === 0) return; // ImageData of a zero side throws
    const { channels, pixels } = image;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels]!;
      rgba[i * 4] = r;
      rgba[i * 4 + 1] = channels === 3 ? pixels[i * 3 + 1]! : r;
      rgba[i * 4 + 2] = channels === 3 ? pixels[i * 3 + 2]! : r;
      rgba[i * 4 + 3] = 255;
    }
    ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [image, width, height]);
  if (width === 0 || height === 0) return <span className="image-empty">{m.outputs.emptyImage(width, height)}</span>;
  const fit = Math.min(scale, MAX_SHOWN_PX / Math.max(width, height));
  return <canvas ref={ref} width={width} height={height} style={{ width: width * fit, height: height * fit }} />;
}

export function ImagesView({ images }: { images: ImagesOutput }) {
  return (
    <div className="output output-images" style={{ gridTemplateColumns: `repeat(${Math.max(1, Math.min(images.columns, 50))}, max-content)` }}>
      {images.images.map((image, i) => (
        <figure key={i} className="image-cell">
          <ImageCanvas image={image} scale={images.scale} />
          {image.title !== undefined && <figcaption>{image.title}</figcaption>}
        </figure>
      ))}
    </div>
  );
}
