/**
 * Browser module `/web/audio_timeline.js`: places each sentence's audio on one
 * `AudioContext` timeline at `origin + firstSample / sampleRate`, so joins have
 * no gap and no overlap, and exposes the utterance clock (what is being heard
 * now, in ms since sample 0) that the frame painter follows.
 *
 * If a part arrives after its slot has passed (network or backend stall), the
 * origin moves later by the shortfall: audio gets a gap but stays whole, and
 * video follows the moved clock. Such moves are counted as `rebases`.
 *
 * @module
 */

/** Source of `/web/audio_timeline.js`. */
export const AUDIO_TIMELINE_JS: string = String
  .raw`// One utterance's audio on an AudioContext timeline.
const SAFETY_SEC = 0.01;

export class AudioTimeline {
  /**
   * context: the AudioContext; leadSec: headroom before sample 0 plays,
   * absorbing jitter between the first audio part and the first frames
   * (which need the next 200 ms of mel) and between sentences. 0.25 s keeps
   * the start well under a second while a busy server catches up.
   */
  constructor(context, { leadSec = 0.25 } = {}) {
    this.context = context;
    this.leadSec = leadSec;
    this.output = context.createGain();
    this.output.connect(context.destination);
    this.originSec = null;
    this.sources = new Set();
    this.segments = [];
    this.rebases = 0;
  }

  /** Schedules an AudioBuffer whose first sample is at startSec on the utterance clock. */
  schedule(buffer, startSec) {
    const now = this.context.currentTime;
    if (this.originSec === null) this.originSec = now + this.leadSec;
    let when = this.originSec + startSec;
    if (when < now + SAFETY_SEC) {
      this.originSec += now + SAFETY_SEC - when;
      when = this.originSec + startSec;
      this.rebases++;
    }
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output);
    source.onended = () => this.sources.delete(source);
    source.start(when);
    this.sources.add(source);
    this.segments.push([when, when + buffer.length / buffer.sampleRate]);
    return when;
  }

  /** Context time being heard now (output latency accounted for when known). */
  heardSec() {
    const context = this.context;
    const stamp = context.getOutputTimestamp ? context.getOutputTimestamp() : undefined;
    if (!stamp || !stamp.performanceTime) return context.currentTime;
    const sec = stamp.contextTime + (performance.now() - stamp.performanceTime) / 1000;
    return Math.min(sec, context.currentTime);
  }

  /** Utterance clock in ms (negative before sample 0), or null before any audio. */
  clockMs() {
    return this.originSec === null ? null : (this.heardSec() - this.originSec) * 1000;
  }

  /** Context time at which the last scheduled part ends, or null. */
  endSec() {
    const last = this.segments[this.segments.length - 1];
    return last ? last[1] : null;
  }

  /** Whether scheduled audio is still playing or pending. */
  isPlaying() {
    const end = this.endSec();
    return this.sources.size > 0 && end !== null && this.context.currentTime < end;
  }

  /** Silences everything at once and forgets the scheduled parts. */
  stop() {
    this.output.gain.setValueAtTime(0, this.context.currentTime);
    this.output.disconnect();
    for (const source of this.sources) {
      try {
        source.stop();
      } catch {
        // never started: nothing to stop
      }
    }
    this.sources.clear();
  }
}
`;
