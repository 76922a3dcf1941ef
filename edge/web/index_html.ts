/**
 * The page at `/`: the form (text, voice, speaker, language, avatar, speed,
 * Speak, Stop, Simple mode), the face canvas and the live panel. Scripts and
 * styles are separate files so the page runs under a strict CSP.
 *
 * @module
 */

/** Source of `/`. */
export const INDEX_HTML: string = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lipstream</title>
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/web/style.css">
<script type="module" src="/web/app.js"></script>
</head>
<body>
<main>
  <h1>Lipstream</h1>
  <section class="stage" aria-label="Stage">
    <canvas id="face" width="256" height="256" role="img" aria-label="Talking avatar"></canvas>
    <img id="simple-video" alt="Talking avatar (MJPEG)" hidden>
    <audio id="simple-audio" controls hidden></audio>
  </section>
  <form id="speak-form">
    <label for="text">Text</label>
    <textarea id="text" name="text" rows="3" required maxlength="2000">Hello there. I am a talking head. Nice to meet you.</textarea>
    <div class="pickers">
      <div class="field"><label for="voice">Voice</label><select id="voice" name="voice" required></select></div>
      <div class="field"><label for="speaker">Speaker</label><select id="speaker" name="speaker"></select></div>
      <div class="field"><label for="language">Language</label><select id="language" name="language"></select></div>
      <div class="field"><label for="avatar">Avatar</label><select id="avatar" name="avatar" required></select></div>
      <div class="field"><label for="speed">Speed <output id="speed-value" for="speed">1.00×</output></label>
        <input id="speed" name="speed" type="range" min="0.5" max="2" step="0.05" value="1"></div>
    </div>
    <label class="check"><input id="simple" name="simple" type="checkbox"> Simple mode (&lt;audio&gt; + MJPEG &lt;img&gt;)</label>
    <details>
      <summary>Connection</summary>
      <label for="api-key">API key</label> <input id="api-key" name="api-key" type="password" autocomplete="off">
    </details>
    <div class="buttons">
      <button id="speak" type="submit">Speak</button>
      <button id="stop" type="button">Stop</button>
    </div>
  </form>
  <section class="panel" aria-label="Live statistics">
    <dl>
      <dt>Status</dt><dd id="status" aria-live="polite">loading</dd>
      <dt title="Click to first audio part scheduled">Time to first audio</dt><dd id="ttfa">–</dd>
      <dt title="Click to first sample played">Time to first sound</dt><dd id="ttfs">–</dd>
      <dt title="Click to first frame painted">Time to first frame</dt><dd id="ttff">–</dd>
      <dt>Frames shown</dt><dd id="frames-shown">0</dd>
      <dt>Frames dropped</dt><dd id="frames-dropped">0</dd>
      <dt title="Audio clock minus frame PTS when painted">A/V offset</dt><dd id="av-offset">–</dd>
    </dl>
    <figure class="timeline">
      <canvas id="timeline" width="360" height="90" role="img" aria-label="Timeline since Speak: audio parts arriving, frames painted, A/V offset"></canvas>
      <figcaption><span class="audio">▮ audio arrived</span> <span class="frame">▮ frame painted</span> <span class="offset">— A/V offset (±100 ms)</span></figcaption>
    </figure>
  </section>
</main>
</body>
</html>
`;
