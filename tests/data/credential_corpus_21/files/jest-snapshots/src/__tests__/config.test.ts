import { loadConfig } from '../config';

test('iugu config', () => {
  expect(loadConfig('prod').iugu).toMatchInlineSnapshot(`
    {
      "accountId": "⟦js.account⟧",
      "apiToken": "⟦js.inline⟧",
      "baseUrl": "https://api.iugu.com/v1",
    }
  `);
});
