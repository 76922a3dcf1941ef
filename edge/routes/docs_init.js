// Starts Swagger UI on /docs over /openapi.json (swagger-ui-dist's
// swagger-initializer.js, without the online validator badge).
globalThis.addEventListener("DOMContentLoaded", () => {
  globalThis.ui = globalThis.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
  });
});
