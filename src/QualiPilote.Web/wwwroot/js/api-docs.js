// Starts Scalar's API reference on the element #app with the app's OpenAPI document (see Features/ApiDocs/Reference.cshtml).
(function () {
    var app = document.getElementById('app');
    window.Scalar.createApiReference('#app', {
        sources: [{ title: 'v1', url: new URL(app.dataset.openapi, window.location.origin).toString() }],
        hideClientButton: false,
        withDefaultFonts: false,
    });
})();
