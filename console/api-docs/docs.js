// The viewer of GET /api/openapi.json. No validator badge (it would call validator.swagger.io, which the page's policy
// refuses), and the base layout: the standalone one adds a URL bar this page does not need.
window.SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#docs',
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
});
