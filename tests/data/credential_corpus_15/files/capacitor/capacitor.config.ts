import type { CapacitorConfig } from '@capacitor/cli';

const config: CapacitorConfig = {
  appId: 'br.com.loja.app',
  appName: 'Loja',
  webDir: 'dist',
  server: {
    androidScheme: 'https',
  },
  plugins: {
    CapacitorHttp: { enabled: true },
    PushNotifications: { presentationOptions: ['badge', 'sound', 'alert'] },
    Pagamentos: {
      asaasApiKey: '⟦cap.asaas⟧',
      iuguApiToken: '⟦cap.iugu⟧',
      iuguAccountId: '⟦cap.account⟧',
      firebaseSenderId: '⟦cap.sender|118403229416⟧',
    },
  },
};

export default config;
