/**
 * The still idle face shown before the first utterance: a drawn placeholder
 * at once, then the avatar's `idle.jpg` when it arrives.
 *
 * @module
 */

import type { AvatarEntry } from "./catalog.ts";

function drawPlaceholder(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): void {
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#1d2430";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "#3a4556";
  g.beginPath();
  g.arc(
    width / 2,
    height * 0.45,
    Math.min(width, height) * 0.3,
    0,
    2 * Math.PI,
  );
  g.fill();
}

/** Options for {@linkcode drawIdleFace}. */
export interface DrawIdleFaceOptions {
  /** Request headers (the API key). */
  headers: HeadersInit;
  /** The page's session, so the server continues its idle loop. */
  sessionId: string;
  /** Asked when the image arrives: false when speech has painted meanwhile. */
  stillIdle: () => boolean;
}

/**
 * Shows the avatar's idle frame (the placeholder stays if it cannot be had).
 *
 * @param canvas The face canvas.
 * @param avatar The avatar.
 * @param options Headers, session and the late check.
 * @returns Whether the real idle frame was drawn.
 */
export async function drawIdleFace(
  canvas: HTMLCanvasElement,
  avatar: AvatarEntry,
  options: DrawIdleFaceOptions,
): Promise<boolean> {
  drawPlaceholder(canvas, avatar.width, avatar.height);
  try {
    const response = await fetch(
      `/v1/avatars/${
        encodeURIComponent(avatar.id)
      }/idle.jpg?session=${options.sessionId}`,
      { headers: options.headers },
    );
    if (!response.ok) return false;
    const bitmap = await createImageBitmap(await response.blob());
    if (!options.stillIdle()) {
      bitmap.close();
      return false;
    }
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}
