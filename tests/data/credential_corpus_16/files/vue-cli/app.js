(function(){var e={8123:function(e,t,n){"use strict";var r=n(144);const o={NODE_ENV:"production",VUE_APP_TITULO:"Loja Modelo",VUE_APP_IUGU_ACCOUNT:"⟦vueb.account⟧",VUE_APP_IUGU_TOKEN:"⟦vueb.iugu⟧",BASE_URL:"/"};r.Z.prototype.$env=o}};})();
//# sourceMappingURL=app.⟦vueb.hash|3f2a91c8⟧.js.map
