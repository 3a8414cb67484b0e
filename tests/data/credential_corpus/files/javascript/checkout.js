// Card tokenization in the browser: iugu.js needs the (public) account id, never the API token.
Iugu.setAccountID('⟦js.iugujs-account-id⟧');
Iugu.setTestMode(false);

document.querySelector('#pay').addEventListener('submit', (event) => {
  event.preventDefault();
  Iugu.createPaymentToken(event.target, (response) => {
    if (response.errors) return showErrors(response.errors);
    document.querySelector('#token').value = response.id;
    event.target.submit();
  });
});
