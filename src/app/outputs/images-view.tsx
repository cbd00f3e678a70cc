/** An image grid (d2l.showImages): each image drawn from its pixels into a canvas, with its title. */
import { useEffect, useRef } from 'react';
import type { ImageData as CellImage, ImagesOutput } from '../../kernel/protocol';

function ImageCanvas({ image, scale }: { image: CellImage; scale: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { width, height, channels, pixels } = image;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels]!;
      rgba[i * 4] = r;
      rgba[i * 4 + 1] = channels === 3 ? pixels[i * 3 + 1]! : r;
      rgba[i * 4 + 2] = channels === 3 ? pixels[i * 3 + 2]! : r;
      rgba[i * 4 + 3] = 255;
    }
    ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [image]);
  return <canvas ref={ref} width={image.width} height={image.height} style={{ width: image.width * scale, height: image.height * scale }} />;
}

export function ImagesView({ images }: { images: ImagesOutput }) {
  return (
    <div className="output output-images" style={{ gridTemplateColumns: `repeat(${images.columns}, max-content)` }}>
      {images.images.map((image, i) => (
        <figure key={i} className="image-cell">
          <ImageCanvas image={image} scale={images.scale} />
          {image.title !== undefined && <figcaption>{image.title}</figcaption>}
        </figure>
      ))}
    </div>
  );
}
