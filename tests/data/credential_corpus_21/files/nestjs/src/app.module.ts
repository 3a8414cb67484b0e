import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { IuguService } from './iugu.service';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      load: [
        () => ({
          asaas: {
            baseUrl: 'https://api.asaas.com/v3',
            apiKey: process.env.ASAAS_API_KEY ?? '⟦ns.fallback⟧',
          },
          iugu: { token: process.env.IUGU_API_TOKEN || '⟦ns.or⟧' },
          sentry: { dsn: 'https://⟦ns.sentry⟧@o450123.ingest.sentry.io/5501234' },
        }),
      ],
    }),
    HttpModule.register({
      baseURL: 'https://api.iugu.com/v1',
      auth: { username: '⟦ns.auth⟧', password: '' },
      timeout: 10_000,
    }),
  ],
  providers: [IuguService, { provide: 'ASAAS_KEY', useValue: '⟦ns.usevalue⟧' }],
})
export class AppModule {}
