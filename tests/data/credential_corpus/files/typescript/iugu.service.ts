import { Injectable, Logger } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';

const IUGU_TOKEN: string = process.env.IUGU_TOKEN ?? '⟦ts.env-nullish-default⟧';

@Injectable()
export class IuguService {
  private readonly logger = new Logger(IuguService.name);
  private readonly apiToken = '⟦ts.class-field-apitoken⟧';
  private readonly baseUrl = 'https://api.iugu.com/v1';

  constructor(private readonly http: HttpService) {}

  createSubAccount(name: string) {
    return this.http.post(`${this.baseUrl}/marketplace/create_account`, { name }, {
      auth: { username: this.apiToken, password: '' },
    });
  }

  transfer(receiverId: string, amountCents: number) {
    const idempotencyKey = '⟦ts.idempotency-uuid⟧';
    return this.http.post(`${this.baseUrl}/transfers`, { receiver_id: receiverId, amount_cents: amountCents },
      { headers: { Authorization: `Basic ${Buffer.from(IUGU_TOKEN + ':').toString('base64')}`, 'Idempotency-Key': idempotencyKey } });
  }
}
