// Swagger UI on Parley's own /openapi. A file of its own rather than an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No call to swagger.io's online validator: Parley's docs work offline.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
});
