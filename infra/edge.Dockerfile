# The Lipstream edge (Deno + Hono) talking to Triton over KServe v2 HTTP (TRITON_URL).
# Build from the repository root: docker build -f infra/edge.Dockerfile -t lipstream-edge .
# The fixture voice and demo avatar are generated at build time; mount real voices and avatar
# packs over /app/generated/voices and /app/generated/avatars (VOICES_DIR, AVATARS_DIR).
FROM denoland/deno:debian-2.9.6
WORKDIR /app
COPY deno.json deno.lock ./
COPY shared/ shared/
COPY inference/ inference/
COPY edge/ edge/
COPY scripts/ scripts/
RUN deno install --frozen \
    && deno task setup \
    && deno cache edge/main.ts
ENV PORT=8080 \
    TRITON_URL=http://triton:8000
EXPOSE 8080
# The image's "deno" user (Docker reads a trailing "#" on an instruction as part of it).
USER 1993:1993
HEALTHCHECK --interval=10s --timeout=3s CMD ["deno", "eval", "const r = await fetch('http://127.0.0.1:8080/readyz'); Deno.exit(r.ok ? 0 : 1)"]
CMD ["deno", "run", "--allow-read", "--allow-env", "--allow-net", "--allow-sys", "edge/main.ts"]
