// A small QR code encoder (ISO/IEC 18004), enough for ticket codes and short links: numeric, alphanumeric and
// byte (UTF-8) modes, error correction level M, versions 1 to 10, the mask with the lowest penalty.
// encode(text) returns the module matrix (rows of booleans, true = dark) without the quiet zone.

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

// Level M, per version: [EC codewords per block, [blocks, data codewords per block], ...groups].
const BLOCKS_M = [
  null,
  [10, [1, 16]], [16, [1, 28]], [26, [1, 44]], [18, [2, 32]], [24, [2, 43]],
  [16, [4, 27]], [18, [4, 31]], [22, [2, 38], [2, 39]], [22, [3, 36], [2, 37]], [26, [4, 43], [1, 44]],
];
const ALIGNMENT = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
const REMAINDER_BITS = [0, 0, 7, 7, 7, 7, 7, 0, 0, 0, 0];
const LEVEL_M_BITS = 0b00;
const MAX_VERSION = 10;

export function encode(text) {
  const segment = segmentOf(String(text));
  for (let version = 1; version <= MAX_VERSION; version++) {
    const capacityBits = dataCodewords(version) * 8;
    const bits = segmentBits(segment, version);
    if (bits.length <= capacityBits) return symbol(version, finishData(bits, capacityBits));
  }
  throw new RangeError('Text too long for a QR code of version 10');
}

/** An <svg> of the code with a four-module quiet zone, drawn with DOM calls (no markup strings). */
export function toSvg(modules, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const size = modules.length + 8;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const path = document.createElementNS(ns, 'path');
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      d += `M${x + 4} ${y + 4}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  });
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}

// ---- data ----

function segmentOf(text) {
  if (/^[0-9]+$/.test(text)) return { mode: 0b0001, count: text.length, text, kind: 'numeric' };
  if ([...text].every(c => ALPHANUMERIC.includes(c))) return { mode: 0b0010, count: text.length, text, kind: 'alphanumeric' };
  const bytes = new TextEncoder().encode(text);
  return { mode: 0b0100, count: bytes.length, bytes, kind: 'byte' };
}

function countBits(kind, version) {
  const small = version <= 9;
  if (kind === 'numeric') return small ? 10 : 12;
  if (kind === 'alphanumeric') return small ? 9 : 11;
  return small ? 8 : 16;
}

function segmentBits(segment, version) {
  const bits = [];
  push(bits, segment.mode, 4);
  push(bits, segment.count, countBits(segment.kind, version));
  if (segment.kind === 'numeric') {
    for (let i = 0; i < segment.text.length; i += 3) {
      const group = segment.text.slice(i, i + 3);
      push(bits, Number(group), group.length * 3 + 1);
    }
  } else if (segment.kind === 'alphanumeric') {
    for (let i = 0; i < segment.text.length; i += 2) {
      const first = ALPHANUMERIC.indexOf(segment.text[i]);
      if (i + 1 < segment.text.length) push(bits, first * 45 + ALPHANUMERIC.indexOf(segment.text[i + 1]), 11);
      else push(bits, first, 6);
    }
  } else {
    segment.bytes.forEach(byte => push(bits, byte, 8));
  }
  return bits;
}

function finishData(bits, capacityBits) {
  push(bits, 0, Math.min(4, capacityBits - bits.length)); // terminator
  while (bits.length % 8 !== 0) bits.push(0);
  const codewords = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((value, bit) => (value << 1) | bit, 0));
  for (let pad = 0xec; codewords.length < capacityBits / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

function push(bits, value, length) {
  for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
}

function dataCodewords(version) {
  const [, ...groups] = BLOCKS_M[version];
  return groups.reduce((sum, [blocks, size]) => sum + blocks * size, 0);
}

/** Splits data into blocks, adds Reed-Solomon codewords to each, and interleaves them. */
function withErrorCorrection(version, data) {
  const [ecLength, ...groups] = BLOCKS_M[version];
  const blocks = [];
  let offset = 0;
  for (const [count, size] of groups) {
    for (let b = 0; b < count; b++) {
      const block = data.slice(offset, offset + size);
      offset += size;
      blocks.push({ data: block, ec: reedSolomon(block, ecLength) });
    }
  }
  const result = [];
  const longest = Math.max(...blocks.map(block => block.data.length));
  for (let i = 0; i < longest; i++) blocks.forEach(block => { if (i < block.data.length) result.push(block.data[i]); });
  for (let i = 0; i < ecLength; i++) blocks.forEach(block => result.push(block.ec[i]));
  return result;
}

// ---- Reed-Solomon over GF(256), polynomial x^8 + x^4 + x^3 + x^2 + 1 ----

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, value = 1; i < 255; i++) {
  EXP[i] = value;
  LOG[value] = i;
  value <<= 1;
  if (value & 0x100) value ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];

const multiply = (a, b) => (a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]]);

function generator(degree) {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array(poly.length + 1).fill(0);
    poly.forEach((coefficient, j) => {
      next[j] ^= coefficient;
      next[j + 1] ^= multiply(coefficient, EXP[i]);
    });
    poly = next;
  }
  return poly;
}

function reedSolomon(data, degree) {
  const gen = generator(degree);
  const remainder = new Array(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift();
    remainder.push(0);
    for (let i = 0; i < degree; i++) remainder[i] ^= multiply(gen[i + 1], factor);
  }
  return remainder;
}

// ---- the symbol ----

function symbol(version, data) {
  const size = 17 + 4 * version;
  const grid = Array.from({ length: size }, () => new Array(size).fill(false));
  const reserved = Array.from({ length: size }, () => new Array(size).fill(false));
  const set = (row, col, dark) => { grid[row][col] = dark; reserved[row][col] = true; };

  for (const [row, col] of [[0, 0], [0, size - 7], [size - 7, 0]]) finder(set, row, col, size);
  for (let i = 8; i < size - 8; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
  const centres = ALIGNMENT[version];
  for (const row of centres) {
    for (const col of centres) {
      if ((row === 6 && col === 6) || (row === 6 && col === size - 7) || (row === size - 7 && col === 6)) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(row + dy, col + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1);
    }
  }
  formatInfo(set, size, 0); // reserve the format areas (written for real once the mask is chosen)
  if (version >= 7) versionInfo(set, size, version);

  const bits = [];
  withErrorCorrection(version, data).forEach(byte => push(bits, byte, 8));
  for (let i = 0; i < REMAINDER_BITS[version]; i++) bits.push(0);
  placeData(grid, reserved, bits);

  let best = null;
  for (let mask = 0; mask < 8; mask++) {
    const candidate = grid.map(row => row.slice());
    applyMask(candidate, reserved, mask);
    formatInfo((row, col, dark) => { candidate[row][col] = dark; }, size, mask);
    const score = penalty(candidate);
    if (!best || score < best.score) best = { score, modules: candidate };
  }
  return best.modules;
}

function finder(set, top, left, size) {
  for (let dy = -1; dy <= 7; dy++) {
    for (let dx = -1; dx <= 7; dx++) {
      const row = top + dy;
      const col = left + dx;
      if (row < 0 || col < 0 || row >= size || col >= size) continue;
      const ring = Math.max(Math.abs(dy - 3), Math.abs(dx - 3));
      set(row, col, ring !== 2 && ring !== 4); // 4 is the light separator around the pattern
    }
  }
}

function formatInfo(set, size, mask) {
  const value = (LEVEL_M_BITS << 3) | mask;
  let remainder = value;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  const bits = ((value << 10) | remainder) ^ 0x5412;
  const bit = i => ((bits >>> i) & 1) === 1;
  // Around the top-left finder: bits 0-7 down column 8 (skipping the timing row), 8-14 along row 8 leftwards.
  for (let i = 0; i <= 5; i++) set(i, 8, bit(i));
  set(7, 8, bit(6));
  set(8, 8, bit(7));
  set(8, 7, bit(8));
  for (let i = 9; i < 15; i++) set(8, 14 - i, bit(i));
  // The copy: bits 0-7 along row 8 from the right edge, 8-14 up column 8 from the bottom.
  for (let i = 0; i < 8; i++) set(8, size - 1 - i, bit(i));
  for (let i = 8; i < 15; i++) set(size - 15 + i, 8, bit(i));
  set(size - 8, 8, true); // the dark module
}

function versionInfo(set, size, version) {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  const bits = (version << 12) | remainder;
  for (let i = 0; i < 18; i++) {
    const dark = ((bits >>> i) & 1) === 1;
    const a = size - 11 + (i % 3);
    const b = Math.floor(i / 3);
    set(b, a, dark);
    set(a, b, dark);
  }
}

function placeData(grid, reserved, bits) {
  const size = grid.length;
  let next = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // the vertical timing pattern has no data beside it
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (const col of [right, right - 1]) {
        if (reserved[row][col]) continue;
        grid[row][col] = next < bits.length ? bits[next] === 1 : false;
        next++;
      }
    }
  }
}

const MASKS = [
  (r, c) => (r + c) % 2 === 0,
  r => r % 2 === 0,
  (r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function applyMask(grid, reserved, mask) {
  const flip = MASKS[mask];
  grid.forEach((row, r) => row.forEach((dark, c) => { if (!reserved[r][c] && flip(r, c)) row[c] = !dark; }));
}

/** The four penalty rules of the standard (runs, 2x2 blocks, finder-like patterns, dark balance). */
function penalty(grid) {
  const size = grid.length;
  const lines = [...grid, ...grid.map((_, c) => grid.map(row => row[c]))];
  let score = 0;
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) { run++; continue; }
      if (run >= 5) score += run - 2;
      run = 1;
    }
    for (let i = 0; i + 11 <= size; i++) {
      const window = line.slice(i, i + 11).map(Number).join('');
      if (window === '10111010000' || window === '00001011101') score += 40;
    }
  }
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      const dark = grid[r][c];
      if (grid[r][c + 1] === dark && grid[r + 1][c] === dark && grid[r + 1][c + 1] === dark) score += 3;
    }
  }
  const darkCount = grid.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  score += Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size)) * 10;
  return score;
}
