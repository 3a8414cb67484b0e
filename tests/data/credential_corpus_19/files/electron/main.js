const { app, BrowserWindow, session } = require('electron');
const Store = require('electron-store');

const store = new Store({ name: 'config' });

app.whenReady().then(() => {
  session.defaultSession.webRequest.onBeforeSendHeaders(
    { urls: ['https://api.asaas.com/*'] },
    (details, callback) => {
      details.requestHeaders['access_token'] = store.get('asaasKey', '⟦el.default⟧');
      callback({ requestHeaders: details.requestHeaders });
    },
  );
  const win = new BrowserWindow({ width: 1200, height: 800 });
  win.loadFile('index.html');
});
