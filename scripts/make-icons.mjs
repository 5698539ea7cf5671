// Draws the app icon (a clock face whose hand turns back: hindsight) as public/icons/icon.svg
// and as PNGs of 192 and 512 pixels, rasterized here with 4x4 supersampling and written with
// node:zlib, so no image tool is needed. Run `node scripts/make-icons.mjs` after changing it.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BACKGROUND = [0x2f, 0x5d, 0x8a];
const FOREGROUND = [0xff, 0xff, 0xff];

// Geometry on a 0..1 square: a rounded square, a ring, two hands and an arrow head.
const CORNER = 0.2;
const RING = { r: 0.3, width: 0.06 };
const HANDS = [
	[0.5, 0.5, 0.5, 0.3],
	[0.5, 0.5, 0.36, 0.58]
];
const HAND_WIDTH = 0.06;
const ARROW = [
	[0.17, 0.3],
	[0.31, 0.22],
	[0.3, 0.38]
];

function inRoundedSquare(x, y) {
	const dx = Math.max(CORNER - x, x - (1 - CORNER), 0);
	const dy = Math.max(CORNER - y, y - (1 - CORNER), 0);
	return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= CORNER * CORNER;
}

function nearSegment(x, y, [x1, y1, x2, y2], width) {
	const [vx, vy] = [x2 - x1, y2 - y1];
	const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
	return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy)) <= width / 2;
}

function inTriangle(x, y, [[ax, ay], [bx, by], [cx, cy]]) {
	const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
	const d1 = side(ax, ay, bx, by);
	const d2 = side(bx, by, cx, cy);
	const d3 = side(cx, cy, ax, ay);
	return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function isForeground(x, y) {
	const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - RING.r) <= RING.width / 2;
	const gap = x < 0.34 && y < 0.42;
	return (
		(ring && !gap) || HANDS.some((h) => nearSegment(x, y, h, HAND_WIDTH)) || inTriangle(x, y, ARROW)
	);
}

function pixel(px, py, size) {
	const samples = 4;
	let inside = 0;
	let front = 0;
	for (let i = 0; i < samples; i++) {
		for (let j = 0; j < samples; j++) {
			const x = (px + (i + 0.5) / samples) / size;
			const y = (py + (j + 0.5) / samples) / size;
			if (!inRoundedSquare(x, y)) continue;
			inside++;
			if (isForeground(x, y)) front++;
		}
	}
	const n = samples * samples;
	const color = BACKGROUND.map((b, k) =>
		Math.round(inside ? b + ((FOREGROUND[k] - b) * front) / inside : 0)
	);
	return [...color, Math.round((255 * inside) / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

function png(size) {
	const rows = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		rows[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const offset = y * (size * 4 + 1) + 1 + x * 4;
			Buffer.from(pixel(x, y, size)).copy(rows, offset);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8);
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([
		signature,
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

function svg() {
	const s = (v) => +(v * 512).toFixed(2);
	const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
	const fg = hex(FOREGROUND);
	const gapStart = [
		0.5 + RING.r * Math.cos(Math.PI * 1.06),
		0.5 + RING.r * Math.sin(Math.PI * 1.06)
	];
	const gapEnd = [0.5 + RING.r * Math.cos(Math.PI * 1.28), 0.5 + RING.r * Math.sin(Math.PI * 1.28)];
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
	<rect width="512" height="512" rx="${s(CORNER)}" fill="${hex(BACKGROUND)}"/>
	<path d="M${s(gapEnd[0])} ${s(gapEnd[1])}A${s(RING.r)} ${s(RING.r)} 0 1 1 ${s(gapStart[0])} ${s(gapStart[1])}" fill="none" stroke="${fg}" stroke-width="${s(RING.width)}"/>
	${HANDS.map(([x1, y1, x2, y2]) => `<line x1="${s(x1)}" y1="${s(y1)}" x2="${s(x2)}" y2="${s(y2)}" stroke="${fg}" stroke-width="${s(HAND_WIDTH)}" stroke-linecap="round"/>`).join('\n\t')}
	<polygon points="${ARROW.map(([x, y]) => `${s(x)},${s(y)}`).join(' ')}" fill="${fg}"/>
</svg>
`;
}

mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
writeFileSync('public/icons/icon.svg', svg());
console.log('Wrote public/icons/icon.svg, icon-192.png, icon-512.png');
