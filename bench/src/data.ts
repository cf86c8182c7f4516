/**
 * The benchmarks' data, generated from a seed: the same seed gives the same rows on every
 * machine and every run, so two runs (or ours and the baseline) read the same data.
 *
 * - Messages carry jsonb content of a chat message's usual size and shape: a sentence or a
 *   few (most 60–300 bytes), sometimes an attachment or buttons.
 * - Embeddings are unit vectors gathered around cluster centres (documents about a few
 *   topics), not uniform noise: nearest-neighbour search behaves on them as it does on
 *   real embeddings, where uniform noise in 1536 dimensions makes every point equally far.
 */
import type { MessageContent } from '@fluxcore/db/schema';

/**
 * xoshiro128** (Blackman and Vigna): a small, fast generator with a 128-bit state, seeded
 * through splitmix32 so that nearby seeds give unrelated streams. No seeded generator ships
 * with Bun or Node, and Math.random cannot be seeded.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    const u = 1 - this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** A random (version 4 shaped) uuid. */
  uuid(): string {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < 16; i += 4) view.setUint32(i, this.uint32());
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Buffer.from(bytes).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const words = (
  'hola hello thanks gracias please order price today tomorrow delivery address payment ' +
  'appointment confirm cancel available size colour red blue small large week monday friday ' +
  'morning afternoon store open closed invoice receipt refund ticket support problem help ' +
  'account password photo catalogue discount shipping tracking number package arrived ' +
  'perfect great okay sure maybe later call me back send the link can you check my the a ' +
  'is are was will be have has for with from to of in on at and or but not yes no'
).split(' ');

function sentence(random: SeededRandom, wordCount: number): string {
  const parts: string[] = [];
  for (let i = 0; i < wordCount; i++) parts.push(random.pick(words));
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random.pick(['.', '?', '!', '.'])}`;
}

/** A chat message's jsonb content: mostly text, sometimes media or buttons. */
export function messageContent(random: SeededRandom): MessageContent {
  // Most chat messages are short; a few are paragraphs.
  const long = random.float() < 0.1;
  const wordCount = long ? 30 + random.int(60) : 3 + random.int(25);
  const content: MessageContent = { text: sentence(random, wordCount) };
  const kind = random.float();
  if (kind < 0.08) {
    content.media = [
      {
        type: random.pick(['image', 'audio', 'document'] as const),
        url: `https://cdn.example.test/media/${random.uuid()}`,
        ...(random.float() < 0.5 ? { caption: sentence(random, 4) } : {}),
      },
    ];
  } else if (kind < 0.12) {
    content.buttons = [
      { id: 'yes', text: 'Yes', action: 'reply' },
      { id: 'no', text: 'No', action: 'reply' },
    ];
  }
  return content;
}

/** A document chunk's text: a few sentences, about 400–900 characters. */
export function chunkText(random: SeededRandom): string {
  const sentences: string[] = [];
  for (let i = 0, count = 6 + random.int(8); i < count; i++) {
    sentences.push(sentence(random, 8 + random.int(10)));
  }
  return sentences.join(' ');
}

/** `count` random unit vectors: the centres the embeddings gather around. */
export function clusterCentres(random: SeededRandom, count: number, dimensions: number) {
  return Array.from({ length: count }, () => {
    const centre = new Float64Array(dimensions);
    for (let d = 0; d < dimensions; d++) centre[d] = random.normal();
    return normalise(centre);
  });
}

/**
 * A unit vector near one of the centres: centre + Gaussian noise, normalised. `spread` is the
 * noise's total length relative to the centre's: cosine 1/√(1+spread²) to its centre, and
 * 1/(1+spread²) between two points of one cluster (spread 1: 0.71 and 0.5). Applied twice
 * (topics → documents → chunks) it gives the nested structure of real embeddings, where a
 * document's chunks sit close together inside a broader topic.
 */
export function clusteredEmbedding(
  random: SeededRandom,
  centres: readonly Float64Array[],
  spread = 1,
): Float64Array {
  const centre = random.pick(centres);
  const point = new Float64Array(centre.length);
  const scale = spread / Math.sqrt(centre.length);
  for (let d = 0; d < centre.length; d++) point[d] = (centre[d] ?? 0) + scale * random.normal();
  return normalise(point);
}

function normalise(vector: Float64Array): Float64Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) / norm;
  return vector;
}

/** pgvector's text form, at 6 significant digits (float4 keeps about 7). */
export function vectorLiteral(vector: ArrayLike<number>): string {
  let text = '[';
  for (let d = 0; d < vector.length; d++) {
    if (d > 0) text += ',';
    text += (vector[d] ?? 0).toPrecision(6);
  }
  return `${text}]`;
}
