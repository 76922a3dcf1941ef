/**
 * Browser module `/web/audio_timeline.js`: places each sentence's audio on one
 * `AudioContext` timeline at `origin + firstSample / sampleRate`, so joins have
 * no gap and no overlap, and exposes the utterance clock (what is being heard
 * now, in ms since sample 0) that the frame painter follows.
 *
 * Playback starts once the first audio and the first video frame are both in
 * (plus a short lead for decoding), or when the first audio has waited
 * `maxWaitSec` for video: not at a fixed delay after the first audio, so a
 * fast server starts speaking sooner and a slow first frame is still shown.
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
   * context: the AudioContext; leadSec: headroom between the start decision
   * and sample 0 (scheduling and the first frames' decoding); maxWaitSec: how
   * long the first audio waits for the first frame (0.25 s keeps the start
   * well under a second while a busy server catches up).
   */
  constructor(context, { leadSec = 0.05, maxWaitSec = 0.25 } = {}) {
    this.context = context;
    this.leadSec = leadSec;
    this.maxWaitSec = maxWaitSec;
    this.output = context.createGain();
    this.output.connect(context.destination);
    this.originSec = null;
    this.waiting = [];
    this.waitTimer = null;
    this.hasVideo = false;
    this.sources = new Set();
    this.segments = [];
    this.rebases = 0;
  }

  /** Schedules an AudioBuffer whose first sample is at startSec on the utterance clock. */
  schedule(buffer, startSec) {
    if (this.originSec !== null) return this.play(buffer, startSec);
    this.waiting.push([buffer, startSec]);
    if (this.hasVideo) this.start();
    else this.waitTimer ??= setTimeout(() => this.start(), this.maxWaitSec * 1000);
  }

  /** The first video frame is in: start if audio is waiting. */
  videoReady() {
    this.hasVideo = true;
    if (this.waiting.length > 0) this.start();
  }

  /** Fixes the origin now (plus the lead) and plays what waited; later calls do nothing. */
  start() {
    clearTimeout(this.waitTimer);
    if (this.originSec !== null || this.waiting.length === 0) return;
    this.originSec = this.context.currentTime + this.leadSec;
    for (const [buffer, startSec] of this.waiting.splice(0)) this.play(buffer, startSec);
  }

  play(buffer, startSec) {
    const now = this.context.currentTime;
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

  /** performance.now() at which sample 0 is heard, or null before the start. */
  startPerformanceMs() {
    if (this.originSec === null) return null;
    return performance.now() + (this.originSec - this.heardSec()) * 1000;
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
    if (this.waiting.length > 0) return true;
    const end = this.endSec();
    return this.sources.size > 0 && end !== null && this.context.currentTime < end;
  }

  /** Silences everything at once and forgets the scheduled parts. */
  stop() {
    clearTimeout(this.waitTimer);
    this.waiting = [];
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
