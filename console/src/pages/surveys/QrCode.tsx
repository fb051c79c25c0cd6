import { encode } from 'uqr';

/** A QR code of {@code text} drawn as SVG (one path, each dark module a square), for a phone to scan. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  qr.data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) {
      path += `M${x} ${y}h1v1h-1z`;
    }
  }));
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} width="192" height="192"
      shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
