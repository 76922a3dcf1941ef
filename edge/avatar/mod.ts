/**
 * Avatar packs at run time: the pack format (`README.md`), its manifest and the verifying loader
 * the server uses. File access lives in `@lipstream/edge/avatar/deno`. Building packs (face
 * detection, crops, encoding, the demo avatar) is the offline builder's job:
 * `@lipstream/edge/avatar_build`.
 *
 * @module
 */

export * from "./avatar_pack_error.ts";
export * from "./manifest.ts";
export * from "./pack_loader.ts";
