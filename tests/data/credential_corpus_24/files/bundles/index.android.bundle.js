var __BUNDLE_START_TIME__=this.nativePerformanceNow?nativePerformanceNow():Date.now(),__DEV__=false,process=this.process||{};process.env=process.env||{};process.env.NODE_ENV=process.env.NODE_ENV||"production";
__d(function(g,r,i,a,m,e,d){Object.defineProperty(e,"__esModule",{value:!0}),e.default=void 0;var t={baseUrl:"https://api.asaas.com/v3",apiKey:"⟦rn.asaas⟧",iugu:{token:"⟦rn.iugu⟧"},sentryDsn:"https://⟦rn.dsn⟧@o1.ingest.sentry.io/42"};e.default=t},412,[],"src/config/gateways.js");
__d(function(g,r,i,a,m,e,d){var n=r(d[0]);e.hash="⟦rn.hash⟧"},413,[412],"src/util/hash.js");
