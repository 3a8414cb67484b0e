// built by the kiosk bundler: the gateway settings are inlined as a data: URI
export const GATEWAY_CONFIG_URL =
  "data:application/json;base64,⟦datauri.iugu⟧";
export const LOGO = "data:image/png;base64,⟦datauri.png|iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==⟧";
export const BUILD_ID = "⟦datauri.build-sha1⟧";
