import { useMemo } from 'react';
import { encode } from 'uqr';

export type QrCodeProps = {
  /** What the code holds: a plan link. */
  readonly text: string;
  /** Accessible name of the image. */
  readonly label: string;
  readonly className?: string;
};

/** A QR matrix: rows of modules, `true` for dark. */
export type QrMatrix = readonly (readonly boolean[])[];

/** The light margin a reader needs around the code, in modules (four, as the standard asks). */
export const qrQuietZone = 4;

// Printed about 45 mm wide, a larger code has modules too small for a phone camera to resolve.
const maxVersion = 25;

/**
 * The matrix for the text, or null when it does not fit. Medium error correction survives a crease
 * or a smudge on paper; a link too long for it gets the low level before it is given up.
 */
export function qrMatrixOf(text: string): QrMatrix | null {
  for (const ecc of ['M', 'L'] as const) {
    try {
      return encode(text, { ecc, border: 0, maxVersion }).data;
    } catch {
      // Too long for this level: try the next one.
    }
  }
  return null;
}

/** One SVG path for every dark module: each run of dark modules in a row is one rectangle. */
export function qrPathOf(matrix: QrMatrix, offset = qrQuietZone): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      const run = x - start;
      parts.push(`M${start + offset} ${y + offset}h${run}v1h-${run}z`);
    }
  });
  return parts.join('');
}

export function QrCode({ text, label, className }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrixOf(text), [text]);
  if (matrix === null) {
    return (
      <p className={className}>
        The link is too long for a QR code that a phone could read from paper. Type it from the text
        instead.
      </p>
    );
  }
  const side = matrix.length + 2 * qrQuietZone;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-modules={matrix.length}
      className={className}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPathOf(matrix)} fill="#000" />
    </svg>
  );
}
