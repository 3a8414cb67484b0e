import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

const IUGU_TOKEN = '⟦ns.const⟧';
const basic = Buffer.from(`${IUGU_TOKEN}:`).toString('base64');
const LEGACY_ASAAS = Buffer.from('⟦ns.b64⟧', 'base64').toString('utf8');
const ASAAS_FROM_BYTES = Buffer.from([⟦ns.bytes⟧]).toString();

@Injectable()
export class IuguService {
  constructor(private readonly http: HttpService) {}

  async customer(id: string) {
    const url = `https://api.iugu.com/v1/customers/${id}?api_token=⟦ns.tpl⟧`;
    const { data } = await firstValueFrom(this.http.get(url));
    return data;
  }

  async invoices() {
    const { data } = await firstValueFrom(
      this.http.get('/invoices', { headers: { Authorization: `Basic ${basic}`, 'X-Request-Id': '⟦ns.reqid⟧' } }),
    );
    return data;
  }

  legacy() {
    return { LEGACY_ASAAS, ASAAS_FROM_BYTES };
  }
}
