// Writes the alarm tones the console plays, one per priority, into renderer/public/sounds/.
//   node scripts/make-sounds.mjs
// The WAV files are committed: this script documents how they were made and remakes them the
// same, byte for byte (no randomness). Distinct by rhythm and pitch, not only by pitch, so an
// operator tells them apart from the next room: critical is a fast two-tone alternation
// (like a fire panel), high two beeps, medium one beep, low one soft low beep.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE_RATE = 22_050;
const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'public', 'sounds');

/** A tone: [frequency Hz, duration s, amplitude 0–1]; frequency 0 is a silence. */
const TONES = {
  critical: [[988, 0.14, 0.9], [740, 0.14, 0.9], [988, 0.14, 0.9], [740, 0.14, 0.9], [988, 0.14, 0.9], [740, 0.14, 0.9]],
  high: [[784, 0.18, 0.8], [0, 0.1, 0], [784, 0.18, 0.8]],
  medium: [[587, 0.3, 0.65]],
  low: [[440, 0.22, 0.45]],
};

/** 16-bit mono PCM samples of the tones, each with a 10 ms fade in and out (no clicks). */
function samples(tones) {
  const values = [];
  for (const [frequency, seconds, amplitude] of tones) {
    const count = Math.round(seconds * SAMPLE_RATE);
    const fade = Math.round(0.01 * SAMPLE_RATE);
    for (let i = 0; i < count; i += 1) {
      const envelope = Math.min(1, i / fade, (count - 1 - i) / fade);
      // A square-ish wave (fundamental + third harmonic) carries better than a pure sine.
      const phase = (2 * Math.PI * frequency * i) / SAMPLE_RATE;
      const wave = Math.sin(phase) + Math.sin(3 * phase) / 3;
      values.push(Math.round(frequency === 0 ? 0 : wave * 0.75 * amplitude * envelope * 32_767));
    }
  }
  return values;
}

function wav(values) {
  const data = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => data.writeInt16LE(Math.max(-32_768, Math.min(32_767, v)), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

mkdirSync(out, { recursive: true });
for (const [priority, tones] of Object.entries(TONES)) {
  const file = join(out, `alarm-${priority}.wav`);
  writeFileSync(file, wav(samples(tones)));
  console.log(`make-sounds: ${file}`);
}
